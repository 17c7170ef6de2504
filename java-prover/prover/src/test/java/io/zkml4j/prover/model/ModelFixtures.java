package io.zkml4j.prover.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The committed example models under {@code examples/models/}, found from the module directory. */
final class ModelFixtures {

    private ModelFixtures() {
    }

    static Path dir(String model) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("examples").resolve("models");
            if (Files.isRegularFile(candidate.resolve("make_models.py"))) {
                return candidate.resolve(model);
            }
        }
        throw new IllegalStateException("examples/models not found above " + Path.of("").toAbsolutePath());
    }

    static Path onnx(String model) {
        return dir(model).resolve("model.onnx");
    }

    /** {@code test_inputs.json}: inputs, PyTorch's labels, true labels. */
    static JsonNode testInputs(String model) {
        try {
            return new ObjectMapper().readTree(dir(model).resolve("test_inputs.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
