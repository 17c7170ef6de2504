package io.zkml4j.prover.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The committed example models under {@code examples/models/}, found from the working directory (a
 * module directory in Maven builds). Exported in the prover test-jar for the CLI's tests.
 */
public final class ModelFixtures {

    private ModelFixtures() {
    }

    /** {@code examples/models/<model>}. */
    public static Path dir(String model) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("examples").resolve("models");
            if (Files.isRegularFile(candidate.resolve("make_models.py"))) {
                return candidate.resolve(model);
            }
        }
        throw new IllegalStateException("examples/models not found above " + Path.of("").toAbsolutePath());
    }

    /** {@code examples/models/<model>/model.onnx}. */
    public static Path onnx(String model) {
        return dir(model).resolve("model.onnx");
    }

    /** {@code test_inputs.json}: inputs, PyTorch's labels, true labels. */
    public static JsonNode testInputs(String model) {
        try {
            return new ObjectMapper().readTree(dir(model).resolve("test_inputs.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 50 test images of {@code test_inputs.json}, flattened. */
    public static List<float[]> samples(String model) {
        List<float[]> samples = new ArrayList<>();
        for (JsonNode row : testInputs(model).get("inputs")) {
            float[] x = new float[row.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) row.get(i).asDouble();
            }
            samples.add(x);
        }
        return samples;
    }
}
