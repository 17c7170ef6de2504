package io.zkml4j.circuit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs a {@link Circuit} only to count what it costs (gnark's {@code internal/stats}): no values
 * are computed, no hint is run, input values are ignored (may be null). The counts equal those of
 * the {@link R1csBuilder} for the same circuit.
 */
public final class CountingBuilder extends BaseApi {

    private int constraints;
    private final Map<String, Integer> byNamespace = new LinkedHashMap<>();

    private CountingBuilder() {
        super(false, HintOverrides.none());
    }

    /** The cost of {@code circuit}. */
    public static Counts count(Circuit circuit) {
        CountingBuilder b = new CountingBuilder();
        circuit.define(b);
        int[] byKind = new int[Kind.values().length];
        for (int id = 1; id <= b.numVariables(); id++) {
            byKind[b.kindOf(id).ordinal()]++;
        }
        return new Counts(b.constraints, byKind[Kind.INTERNAL.ordinal()], byKind[Kind.OUTPUT.ordinal()],
                byKind[Kind.PUBLIC_INPUT.ordinal()], byKind[Kind.PRIVATE_INPUT.ordinal()]);
    }

    /**
     * The constraints of {@code circuit} grouped by the outermost namespace they were made in, in order
     * of first use; those made outside any namespace are under {@code ""}. The values sum to
     * {@link Counts#constraints()}. Constant-folded operations cost nothing here, exactly as in the
     * {@link R1csBuilder}, so this is the true cost of each part, not a formula.
     */
    public static Map<String, Integer> countByNamespace(Circuit circuit) {
        CountingBuilder b = new CountingBuilder();
        circuit.define(b);
        return Collections.unmodifiableMap(new LinkedHashMap<>(b.byNamespace));
    }

    @Override
    void enforce(Var a, Var b, Var c, String name) {
        constraints++;
        byNamespace.merge(outermostNamespace(), 1, Integer::sum);
    }

    /**
     * Costs of one circuit.
     *
     * @param constraints   rank-1 constraints
     * @param witnesses     internal variables (hint outputs, products): wires that are not inputs or outputs
     * @param publicOutputs public outputs
     * @param publicInputs  public inputs
     * @param privateInputs private inputs
     */
    public record Counts(int constraints, int witnesses, int publicOutputs, int publicInputs, int privateInputs) {
    }
}
