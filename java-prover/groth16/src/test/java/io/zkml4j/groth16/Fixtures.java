package io.zkml4j.groth16;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The snarkjs-made files under {@code src/test/resources/fixtures/} (see the README there). */
public final class Fixtures {

    private Fixtures() {
    }

    /** {@code fixtures/multiplier/<file>}. */
    public static Path multiplier(String file) {
        return resource("multiplier/" + file);
    }

    private static Path resource(String relative) {
        URL url = Fixtures.class.getResource("/fixtures/" + relative);
        if (url == null) {
            throw new IllegalStateException("Missing test resource fixtures/" + relative);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
