package io.zkml4j.ml.graph;

import java.util.Arrays;

/**
 * An ONNX node attribute value: the subset of {@code AttributeProto} types that the supported
 * operators use ({@code INT}, {@code FLOAT}, {@code STRING}, {@code INTS}, {@code FLOATS},
 * {@code TENSOR}). Arrays are copied in and out.
 */
public sealed interface AttributeValue {

    /** ONNX {@code INT} (int64). */
    record IntValue(long value) implements AttributeValue {}

    /** ONNX {@code FLOAT}. */
    record FloatValue(float value) implements AttributeValue {}

    /** ONNX {@code STRING} (decoded as UTF-8). */
    record StringValue(String value) implements AttributeValue {}

    /** ONNX {@code INTS}. */
    record IntsValue(long[] values) implements AttributeValue {
        public IntsValue {
            values = values.clone();
        }

        @Override
        public long[] values() {
            return values.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof IntsValue v && Arrays.equals(values, v.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return Arrays.toString(values);
        }
    }

    /** ONNX {@code FLOATS}. */
    record FloatsValue(float[] values) implements AttributeValue {
        public FloatsValue {
            values = values.clone();
        }

        @Override
        public float[] values() {
            return values.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof FloatsValue v && Arrays.equals(values, v.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return Arrays.toString(values);
        }
    }

    /** ONNX {@code TENSOR} (e.g. a Constant node's {@code value}). */
    record TensorValue(FloatTensor value) implements AttributeValue {}
}
