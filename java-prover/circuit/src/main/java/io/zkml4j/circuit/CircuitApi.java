package io.zkml4j.circuit;

import io.zkml4j.algebra.field.Fr;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * The one interface circuits and gadgets are written against (gnark's {@code frontend.API}).
 * Implementations: {@link R1csBuilder} (constraints plus the witness), {@link TestEngine} (direct
 * evaluation, fails at the first broken assertion with its name), {@link CountingBuilder} (counts).
 *
 * <p><b>Costs.</b> A "constraint" is one rank-1 constraint {@code A·B = C}. Constants fold:
 * any operation whose inputs are all constants costs nothing and returns a constant. Linear
 * operations ({@link #add}, {@link #sub}, {@link #neg}, {@link #mulConst}, {@link #divConst},
 * {@link #not}) are free for any inputs. Each method's Javadoc gives its cost for non-constant
 * inputs.
 *
 * <p><b>Naming.</b> Every constraint is named {@code namespace/path/label}; the engine's failures
 * and {@code R1cs.check} name it. Open namespaces with {@code try (var ns = api.namespace("dense_1"))}.
 *
 * <p><b>Values.</b> Input values are given at allocation; the counting builder (and the R1CS
 * builder in compile-only mode) ignore them, so they may be {@code null} there. Circuits must
 * never branch on values.
 */
public interface CircuitApi {

    // ---- Allocation ------------------------------------------------------------------------------

    /** A public input (a circom "public input": wires after the outputs). No constraint. */
    Var publicInput(String name, Fr value);

    /** A private input (witness only). No constraint. */
    Var privateInput(String name, Fr value);

    /**
     * Declares {@code value} as a public output (a circom output: the first public signals, in
     * declaration order) and returns the output variable. Cost: 1 constraint (output = value).
     */
    Var publicOutput(String name, Var value);

    /** The constant {@code value}. Free. */
    Var constant(Fr value);

    default Var publicInput(String name, long value) {
        return publicInput(name, Fr.of(value));
    }

    default Var privateInput(String name, long value) {
        return privateInput(name, Fr.of(value));
    }

    default Var constant(long value) {
        return constant(Fr.of(value));
    }

    default Var constant(BigInteger value) {
        return constant(Fr.reduce(value));
    }

    /** The boolean constant. Free. */
    BoolVar constant(boolean value);

    // ---- Arithmetic ------------------------------------------------------------------------------

    /** {@code a + b}. Free. */
    Var add(Var a, Var b);

    /** The sum of all terms. Free; {@code O(T log T)} in the total number of variable terms. */
    Var sum(List<? extends Var> terms);

    /**
     * {@code Σ factorsᵢ·termsᵢ} with constant factors (a dense layer with fixed weights). Free;
     * {@code O(T log T)} in the total number of variable terms.
     *
     * @throws SynthesisException if the lists differ in length
     */
    Var linearCombination(List<? extends Var> terms, List<Fr> factors);

    /** {@code a - b}. Free. */
    Var sub(Var a, Var b);

    /** {@code -a}. Free. */
    Var neg(Var a);

    /** {@code k·a}. Free. */
    Var mulConst(Var a, Fr k);

    default Var mulConst(Var a, long k) {
        return mulConst(a, Fr.of(k));
    }

    /** {@code a + k}. Free. */
    Var addConst(Var a, Fr k);

    default Var addConst(Var a, long k) {
        return addConst(a, Fr.of(k));
    }

    /**
     * {@code a / k} in the field (multiplication by {@code k⁻¹}, not integer division; see
     * {@code FloorDivGadget} for that). Free.
     *
     * @throws SynthesisException if {@code k} is zero
     */
    Var divConst(Var a, Fr k);

    /** {@code a·b}. 1 constraint unless either side is constant (then free). */
    Var mul(Var a, Var b);

    /**
     * {@code 1/a}. 1 constraint ({@code a·inv = 1}), which also proves {@code a ≠ 0}; the prover
     * cannot satisfy it when {@code a = 0}.
     */
    Var inverse(Var a);

    /** {@code a / b} in the field with {@code b ≠ 0} enforced. 2 constraints ({@link #inverse} + {@link #mul}). */
    Var div(Var a, Var b);

    // ---- Booleans --------------------------------------------------------------------------------

    /** {@code 1 - a}. Free. */
    BoolVar not(BoolVar a);

    /** {@code a ∧ b = a·b}. 1 constraint. */
    BoolVar and(BoolVar a, BoolVar b);

    /** {@code a ∨ b = a + b - a·b}. 1 constraint. */
    BoolVar or(BoolVar a, BoolVar b);

    /** {@code a ⊕ b = a + b - 2·a·b}. 1 constraint. */
    BoolVar xor(BoolVar a, BoolVar b);

    /** {@code c ? ifTrue : ifFalse = ifFalse + c·(ifTrue - ifFalse)}. 1 constraint. */
    Var select(BoolVar c, Var ifTrue, Var ifFalse);

    /** {@code c ? ifTrue : ifFalse} for booleans; 1 constraint; the result is boolean. */
    default BoolVar select(BoolVar c, BoolVar ifTrue, BoolVar ifFalse) {
        return BoolVar.trusted(select(c, (Var) ifTrue, (Var) ifFalse));
    }

    /**
     * {@code a == 0} as a boolean. 2 constraints and 2 witnesses: a hinted inverse {@code m} and
     * the result {@code z}, pinned by {@code a·m = 1 - z} and {@code a·z = 0} (if {@code a ≠ 0} the
     * second forces {@code z = 0} and the first is satisfiable; if {@code a = 0} the first forces
     * {@code z = 1}). The result is always pinned; the auxiliary {@code m} is pinned to {@code 1/a}
     * when {@code a ≠ 0} and is free (irrelevant) when {@code a = 0}.
     */
    BoolVar isZero(Var a);

    /** {@code a == b}: {@link #isZero} of the difference. 2 constraints. */
    default BoolVar isEqual(Var a, Var b) {
        return isZero(sub(a, b));
    }

    // ---- Assertions ------------------------------------------------------------------------------

    /** Asserts {@code a = b}, with the label {@code assertEqual}. 1 constraint. */
    default void assertEqual(Var a, Var b) {
        assertEqual(a, b, "assertEqual");
    }

    /** Asserts {@code a = b}; the constraint is named after the current namespace and {@code label}. 1 constraint. */
    void assertEqual(Var a, Var b, String label);

    /** Asserts {@code a ∈ {0, 1}} ({@code a·(a - 1) = 0}) and returns it as a {@link BoolVar}. 1 constraint. */
    default BoolVar assertBool(Var a) {
        return assertBool(a, "assertBool");
    }

    /** As {@link #assertBool(Var)} with a label for the constraint name. 1 constraint. */
    BoolVar assertBool(Var a, String label);

    /** Asserts {@code a ≠ 0} (by exhibiting its inverse). 1 constraint. */
    void assertNonZero(Var a);

    // ---- Hints -----------------------------------------------------------------------------------

    /**
     * Fresh witness variables computed by the hint registered under {@code id} from the values of
     * {@code inputs}. Costs {@code numOutputs} witnesses and no constraint, and proves nothing:
     * the caller MUST constrain every output (see {@link Hint}). Call {@code k} of an id (counted
     * per run) can be replaced in tests through {@link HintOverrides}.
     */
    Var[] hint(String id, int numOutputs, Var... inputs);

    // ---- Naming and inspection -------------------------------------------------------------------

    /** Opens a namespace; constraint names get its name as a path segment until it is closed. */
    Namespace namespace(String name);

    /**
     * The value of {@code v} in the witness being computed, or empty when this implementation
     * computes no values. For outputs and debugging only: a circuit must not branch on it.
     */
    Optional<Fr> valueOf(Var v);

    /** A namespace scope; closing it restores the enclosing one. */
    interface Namespace extends AutoCloseable {
        @Override
        void close();
    }
}
