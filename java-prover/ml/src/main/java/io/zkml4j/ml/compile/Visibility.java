package io.zkml4j.ml.compile;

/** Who sees a tensor: {@code PRIVATE} (witness only) or {@code PUBLIC} (a public signal). */
public enum Visibility {
    PRIVATE,
    PUBLIC
}
