package io.zkml4j.circuit;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.r1cs.Constraint;
import io.zkml4j.r1cs.LinearCombination;
import io.zkml4j.r1cs.R1cs;
import io.zkml4j.r1cs.R1csFile;
import io.zkml4j.r1cs.Witness;
import io.zkml4j.r1cs.WtnsFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs a {@link Circuit} into an {@link R1cs} with named constraints and, unless compiling only,
 * the {@link Witness} that the same run computed (gnark's R1CS builder). Wires are numbered as
 * circom does: 1, public outputs, public inputs, private inputs, internal variables, each group in
 * allocation order, so the public signals are the outputs then the public inputs.
 *
 * <p>The builder does not check constraints as it goes (that is the {@link TestEngine}'s job):
 * a witness made with {@link HintOverrides} is returned as computed, and
 * {@code result.r1cs().check(result.witness())} names the first constraint it violates.
 */
public final class R1csBuilder extends BaseApi {

    private final List<Var> as = new ArrayList<>();
    private final List<Var> bs = new ArrayList<>();
    private final List<Var> cs = new ArrayList<>();
    private final List<String> constraintNames = new ArrayList<>();

    private R1csBuilder(boolean computing, HintOverrides overrides) {
        super(computing, overrides);
    }

    /**
     * The constraint system of {@code circuit} and the honest witness.
     *
     * @throws SynthesisException if the definition fails (a constant assertion, a missing value...)
     */
    public static Result build(Circuit circuit) {
        return build(circuit, HintOverrides.none());
    }

    /** As {@link #build(Circuit)}, with hint outputs replaced as {@code overrides} says (for soundness tests). */
    public static Result build(Circuit circuit, HintOverrides overrides) {
        R1csBuilder b = new R1csBuilder(true, overrides);
        circuit.define(b);
        b.finish();
        return b.result();
    }

    /** The constraint system only; input values are ignored (may be null) and hints are not run. */
    public static R1cs compile(Circuit circuit) {
        R1csBuilder b = new R1csBuilder(false, HintOverrides.none());
        circuit.define(b);
        return b.result().r1cs();
    }

    @Override
    void enforce(Var a, Var b, Var c, String name) {
        as.add(a);
        bs.add(b);
        cs.add(c);
        constraintNames.add(name);
    }

    private Result result() {
        int n = numVariables();
        int[] wireOf = new int[n + 1];
        int[] counts = new int[Kind.values().length];
        for (int id = 1; id <= n; id++) {
            counts[kindOf(id).ordinal()]++;
        }
        int[] next = new int[counts.length];
        next[0] = 1;
        for (int k = 1; k < counts.length; k++) {
            next[k] = next[k - 1] + counts[k - 1];
        }
        for (int id = 1; id <= n; id++) {
            wireOf[id] = next[kindOf(id).ordinal()]++;
        }
        R1cs.Builder rb = R1cs.builder().wires(n + 1).publicOutputs(counts[Kind.OUTPUT.ordinal()])
                .publicInputs(counts[Kind.PUBLIC_INPUT.ordinal()])
                .privateInputs(counts[Kind.PRIVATE_INPUT.ordinal()]);
        for (int i = 0; i < as.size(); i++) {
            rb.add(Constraint.of(lc(as.get(i), wireOf), lc(bs.get(i), wireOf), lc(cs.get(i), wireOf)),
                    constraintNames.get(i));
        }
        R1cs r1cs = rb.build();
        Witness witness = null;
        if (computing()) {
            Fr[] w = new Fr[n + 1];
            w[0] = Fr.ONE;
            for (int id = 1; id <= n; id++) {
                w[wireOf[id]] = value(id);
            }
            witness = Witness.of(w);
        }
        String[] wireNames = new String[n + 1];
        wireNames[0] = "one";
        for (int id = 1; id <= n; id++) {
            wireNames[wireOf[id]] = nameOf(id);
        }
        return new Result(r1cs, witness, List.of(wireNames));
    }

    private static LinearCombination lc(Var v, int[] wireOf) {
        LinearCombination.Builder b = LinearCombination.builder();
        if (!v.constant.isZero()) {
            b.addConstant(v.constant);
        }
        for (int i = 0; i < v.ids.length; i++) {
            b.add(wireOf[v.ids[i]], v.coeffs[i]);
        }
        return b.build();
    }

    /**
     * A built circuit.
     *
     * @param r1cs      the constraint system, with constraint names
     * @param witness   the witness computed by the run (null from {@link #compile})
     * @param wireNames the name of each wire (inputs by their names, others by what made them)
     */
    public record Result(R1cs r1cs, Witness witness, List<String> wireNames) {

        public Result {
            Objects.requireNonNull(r1cs, "r1cs");
            wireNames = List.copyOf(wireNames);
        }

        /** The public signals (outputs, then public inputs), as {@code public.json} lists them. */
        public List<Fr> publicSignals() {
            return witness.values(1, 1 + r1cs.numPublic());
        }

        /** Writes {@code circuit.r1cs} and {@code witness.wtns} in the circom/snarkjs formats. */
        public void export(Path r1csFile, Path wtnsFile) {
            R1csFile.write(r1cs, r1csFile);
            WtnsFile.write(Objects.requireNonNull(witness, "no witness: compiled only"), wtnsFile);
        }
    }
}
