package io.zkml4j.groth16;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The snarkjs-made files under {@code src/test/resources/fixtures/} (see the README there), and the
 * circom fixtures of the r1cs test-jar.
 */
public final class Fixtures {

    public static final String MULTIPLIER = "multiplier";
    public static final String LESSTHAN = "lessthan";

    private static Path extracted;

    private Fixtures() {
    }

    /** {@code fixtures/multiplier/<file>}. */
    public static Path multiplier(String file) {
        URL url = Fixtures.class.getResource("/fixtures/multiplier/" + file);
        if (url == null) {
            throw new IllegalStateException("Missing test resource fixtures/multiplier/" + file);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code circom/<name>/<name>.<ext>} from the r1cs test-jar, copied to a temporary directory
     * ({@code io.zkml4j.r1cs.test.CircomFixtures} returns paths only when the resources are plain files,
     * and inside another module's build they are entries of a jar).
     */
    public static synchronized Path circom(String name, String ext) {
        String resource = "/circom/" + name + "/" + name + "." + ext;
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + resource);
            }
            if (extracted == null) {
                extracted = Files.createTempDirectory("zkml4j-groth16-fixtures");
                extracted.toFile().deleteOnExit();
            }
            Path out = extracted.resolve(name + "." + ext);
            Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
            out.toFile().deleteOnExit();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
