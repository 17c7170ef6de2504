package io.zkml4j.onnx;

import java.util.List;

/**
 * The model uses an ONNX operator (or an operator domain) zkml4j cannot import. The message names
 * the op type, the node and the supported op types; the same facts are available as accessors.
 */
public final class UnsupportedOperatorException extends ModelImportException {
    private static final long serialVersionUID = 1L;

    private final String opType;
    private final String nodeName;
    private final List<String> supportedOps;

    public UnsupportedOperatorException(String file, String opType, String domain, String nodeName,
            List<String> supportedOps) {
        super(file + ": unsupported ONNX operator '" + (domain.isEmpty() ? "" : domain + ".") + opType + "' in node '"
                + nodeName + "'; supported operators (domain ai.onnx): " + String.join(", ", supportedOps));
        this.opType = opType;
        this.nodeName = nodeName;
        this.supportedOps = List.copyOf(supportedOps);
    }

    public String opType() {
        return opType;
    }

    public String nodeName() {
        return nodeName;
    }

    public List<String> supportedOps() {
        return supportedOps;
    }
}
