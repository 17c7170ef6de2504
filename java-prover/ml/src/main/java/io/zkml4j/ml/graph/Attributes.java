package io.zkml4j.ml.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The attributes of one node: an immutable, insertion-ordered map from the ONNX attribute name to
 * a typed {@link AttributeValue}. Typed getters take the ONNX default for an absent attribute and
 * throw when the attribute is present with another type.
 */
public final class Attributes {
    private static final Attributes EMPTY = new Attributes(Map.of());

    private final Map<String, AttributeValue> values;

    private Attributes(Map<String, AttributeValue> values) {
        this.values = values;
    }

    public static Attributes empty() {
        return EMPTY;
    }

    public static Attributes of(Map<String, AttributeValue> values) {
        return new Attributes(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Map<String, AttributeValue> asMap() {
        return values;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Optional<AttributeValue> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public long getInt(String name, long defaultValue) {
        AttributeValue v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof AttributeValue.IntValue i) {
            return i.value();
        }
        throw wrongType(name, "INT", v);
    }

    public float getFloat(String name, float defaultValue) {
        AttributeValue v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof AttributeValue.FloatValue f) {
            return f.value();
        }
        throw wrongType(name, "FLOAT", v);
    }

    public String getString(String name, String defaultValue) {
        AttributeValue v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof AttributeValue.StringValue s) {
            return s.value();
        }
        throw wrongType(name, "STRING", v);
    }

    /** The INTS attribute, or {@code defaultValue} (may be null) when absent. */
    public long[] getInts(String name, long[] defaultValue) {
        AttributeValue v = values.get(name);
        if (v == null) {
            return defaultValue == null ? null : defaultValue.clone();
        }
        if (v instanceof AttributeValue.IntsValue i) {
            return i.values();
        }
        throw wrongType(name, "INTS", v);
    }

    public float[] getFloats(String name, float[] defaultValue) {
        AttributeValue v = values.get(name);
        if (v == null) {
            return defaultValue == null ? null : defaultValue.clone();
        }
        if (v instanceof AttributeValue.FloatsValue f) {
            return f.values();
        }
        throw wrongType(name, "FLOATS", v);
    }

    private static IllegalArgumentException wrongType(String name, String expected, AttributeValue v) {
        return new IllegalArgumentException("Attribute '" + name + "': expected " + expected + " but got "
                + v.getClass().getSimpleName());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attributes a && values.equals(a.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }

    /** Collects attributes in order. */
    public static final class Builder {
        private final Map<String, AttributeValue> values = new LinkedHashMap<>();

        private Builder() {}

        public Builder put(String name, AttributeValue value) {
            values.put(name, value);
            return this;
        }

        public Builder putInt(String name, long value) {
            return put(name, new AttributeValue.IntValue(value));
        }

        public Builder putFloat(String name, float value) {
            return put(name, new AttributeValue.FloatValue(value));
        }

        public Builder putString(String name, String value) {
            return put(name, new AttributeValue.StringValue(value));
        }

        public Builder putInts(String name, long... value) {
            return put(name, new AttributeValue.IntsValue(value));
        }

        public Builder putFloats(String name, float... value) {
            return put(name, new AttributeValue.FloatsValue(value));
        }

        public Attributes build() {
            return Attributes.of(values);
        }
    }
}
