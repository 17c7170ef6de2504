package io.zkml4j.onnx;

import java.io.IOException;

/**
 * A model file could not be imported: it is not well-formed protobuf, it is not a valid ONNX model,
 * or it uses something zkml4j does not support. The message names the file, the message/field or
 * node concerned, and the problem. It is an {@link IOException} so callers handle it with the other
 * failures of reading a file.
 */
public class ModelImportException extends IOException {
    private static final long serialVersionUID = 1L;

    public ModelImportException(String message) {
        super(message);
    }

    public ModelImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
