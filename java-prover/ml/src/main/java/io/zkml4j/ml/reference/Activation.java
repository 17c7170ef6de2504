package io.zkml4j.ml.reference;

/**
 * The smooth activations the circuit approximates piecewise linearly ({@link PiecewiseLinear}), with
 * the constants of their approximation: the input is clamped to {@code [−L, L)} with
 * {@code L = 2^logL}, split into segments of width {@code h = 2^(−logInvH)}, so
 * {@code 2L/h = 2^(logL + 1 + logInvH)} segments.
 *
 * <ul>
 *   <li>{@link #SIGMOID}: {@code L = 8}, {@code h = 1/2}: 32 segments; {@code max|σ''| = 1/(6√3) ≈ 0.0962}.</li>
 *   <li>{@link #TANH}: {@code L = 4}, {@code h = 1/4}: 32 segments; {@code max|tanh''| = 4/(3√3) ≈ 0.770}.</li>
 * </ul>
 *
 * <p>Values are computed with {@link StrictMath}, so every JVM builds the same tables.
 */
public enum Activation {
    SIGMOID("Sigmoid", 3, 1, 1 / (6 * Math.sqrt(3))),
    TANH("Tanh", 2, 2, 4 / (3 * Math.sqrt(3)));

    private final String onnxOp;
    private final int logL;
    private final int logInvH;
    private final double maxSecondDerivative;

    Activation(String onnxOp, int logL, int logInvH, double maxSecondDerivative) {
        this.onnxOp = onnxOp;
        this.logL = logL;
        this.logInvH = logInvH;
        this.maxSecondDerivative = maxSecondDerivative;
    }

    /** The ONNX op type ({@code Sigmoid}, {@code Tanh}). */
    public String onnxOp() {
        return onnxOp;
    }

    /** The activation of an ONNX op type, or null. */
    public static Activation ofOnnxOp(String op) {
        for (Activation a : values()) {
            if (a.onnxOp.equals(op)) {
                return a;
            }
        }
        return null;
    }

    /** {@code log2 L}: inputs are clamped to {@code [−2^logL, 2^logL)}. */
    public int logL() {
        return logL;
    }

    /** {@code log2 (1/h)}: segments have width {@code 2^(−logInvH)}. */
    public int logInvH() {
        return logInvH;
    }

    /** {@code max |f''|} over the reals (bounds the linear-interpolation error). */
    public double maxSecondDerivative() {
        return maxSecondDerivative;
    }

    /** The exact function (in {@link StrictMath}). */
    public double apply(double x) {
        return switch (this) {
            case SIGMOID -> 1 / (1 + StrictMath.exp(-x));
            case TANH -> StrictMath.tanh(x);
        };
    }

    /** The value approached as {@code x → +∞} (1 for both). */
    public double upperLimit() {
        return 1;
    }

    /** The value approached as {@code x → −∞}: 0 for sigmoid, −1 for tanh. */
    public double lowerLimit() {
        return this == SIGMOID ? 0 : -1;
    }

    /**
     * The error of clamping: {@code max(f(−L) − lower limit, upper limit − f(L))}; {@code 1 − σ(8) ≈ 3.4e−4},
     * {@code 1 − tanh 4 ≈ 6.7e−4}.
     */
    public double tailError() {
        double l = Math.scalb(1.0, logL);
        return Math.max(apply(-l) - lowerLimit(), upperLimit() - apply(l));
    }

    /** The linear-interpolation error bound {@code h²·max|f''|/8}. */
    public double interpolationError() {
        double h = Math.scalb(1.0, -logInvH);
        return h * h * maxSecondDerivative / 8;
    }
}
