package io.zkml4j.algebra.test;

import java.util.SplittableRandom;

/**
 * The one source of randomness for tests: a seed from the system property {@code zkml.test.seed}
 * (fixed by the build, so runs are reproducible), mixed with a per-test salt. Failures report the
 * seed through {@link SeedExtension}.
 */
public final class Seeds {

    /** The seed used when the property is absent (the build sets it too). */
    public static final long DEFAULT_SEED = 20261121L;

    private Seeds() {
    }

    /** The configured seed. */
    public static long seed() {
        String s = System.getProperty("zkml.test.seed");
        return s == null || s.isBlank() ? DEFAULT_SEED : Long.parseLong(s.trim());
    }

    /** A generator derived from the seed and a salt (usually the test's name), independent per salt. */
    public static SplittableRandom rng(String salt) {
        return new SplittableRandom(seed() * 0x9E3779B97F4A7C15L + salt.hashCode());
    }
}
