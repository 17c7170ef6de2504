package io.zkml4j.circuit;

import io.zkml4j.algebra.field.Fr;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link Circuit} by direct evaluation (gnark's test engine): every value is computed as the
 * circuit states it, and every constraint is checked the moment it is stated; the first one that
 * fails throws a {@link SynthesisException} naming it ({@code namespace/path/label}) with the
 * values. Nothing is kept, so it is the fastest way to test a circuit's logic and soundness
 * (pair it with {@link HintOverrides}).
 */
public final class TestEngine extends BaseApi {

    private int constraints;
    private final List<Fr> outputs = new ArrayList<>();

    private TestEngine(HintOverrides overrides) {
        super(true, overrides);
    }

    /**
     * Runs {@code circuit} honestly.
     *
     * @throws SynthesisException at the first failed assertion
     */
    public static Evaluation run(Circuit circuit) {
        return run(circuit, HintOverrides.none());
    }

    /** Runs {@code circuit} with hint outputs replaced as {@code overrides} says. */
    public static Evaluation run(Circuit circuit, HintOverrides overrides) {
        TestEngine e = new TestEngine(overrides);
        circuit.define(e);
        e.finish();
        return new Evaluation(List.copyOf(e.outputs), e.constraints, e.hintCalls());
    }

    @Override
    public Var publicOutput(String name, Var value) {
        Var out = super.publicOutput(name, value);
        outputs.add(eval(out));
        return out;
    }

    @Override
    void enforce(Var a, Var b, Var c, String name) {
        constraints++;
        Fr va = eval(a);
        Fr vb = eval(b);
        Fr vc = eval(c);
        Fr ab = va.mul(vb);
        if (!ab.equals(vc)) {
            throw new SynthesisException("Assertion failed: " + name + ": a·b = " + va.toSignedBigInteger() + "·"
                    + vb.toSignedBigInteger() + " = " + ab.toSignedBigInteger() + " ≠ c = " + vc.toSignedBigInteger());
        }
    }

    /**
     * What a run produced.
     *
     * @param outputs     the public outputs in declaration order
     * @param constraints the number of constraints checked (equal to the R1CS's count)
     * @param hintCalls   how many times each hint id was called (the call indices {@link HintOverrides} can target)
     */
    public record Evaluation(List<Fr> outputs, int constraints, java.util.Map<String, Integer> hintCalls) {
        public Evaluation {
            outputs = List.copyOf(outputs);
            hintCalls = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(hintCalls));
        }
    }
}
