package io.zkml4j.onnx;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the committed model fixtures under {@code examples/models/} from the module directory. */
final class Fixtures {
    private Fixtures() {}

    static Path modelsDir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("examples").resolve("models");
            if (Files.isRegularFile(candidate.resolve("make_models.py"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("examples/models not found above " + Path.of("").toAbsolutePath());
    }

    static Path model(String name) {
        return modelsDir().resolve(name).resolve("model.onnx");
    }
}
