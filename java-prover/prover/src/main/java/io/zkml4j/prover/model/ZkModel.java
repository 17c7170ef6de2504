package io.zkml4j.prover.model;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.circuit.R1csBuilder;
import io.zkml4j.groth16.Groth16;
import io.zkml4j.groth16.Groth16Exception;
import io.zkml4j.groth16.ProofWithPublicSignals;
import io.zkml4j.groth16.ProveOptions;
import io.zkml4j.groth16.ProvingKey;
import io.zkml4j.groth16.VerifyingKey;
import io.zkml4j.groth16.json.SnarkjsJson;
import io.zkml4j.groth16.setup.DevSetup;
import io.zkml4j.groth16.zkey.ZkeyFile;
import io.zkml4j.ml.compile.Calibrator;
import io.zkml4j.ml.compile.Commitments;
import io.zkml4j.ml.compile.CompiledModel;
import io.zkml4j.ml.compile.ModelCompiler;
import io.zkml4j.ml.compile.ModelSettings;
import io.zkml4j.ml.graph.ModelGraph;
import io.zkml4j.ml.layers.BoundExceededException;
import io.zkml4j.ml.tensor.QuantizedTensor;
import io.zkml4j.onnx.ModelImportException;
import io.zkml4j.onnx.OnnxImporter;
import io.zkml4j.prover.Prover;
import io.zkml4j.r1cs.CheckResult;
import io.zkml4j.r1cs.R1cs;
import io.zkml4j.r1cs.R1csFile;
import io.zkml4j.r1cs.Witness;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A compiled model directory, loaded: the circuit rebuilt from {@code DIR/model.onnx} and the
 * settings in {@code DIR/model.json}, checked against what compile recorded, ready to compute
 * witnesses, set up keys and prove.
 *
 * <pre>{@code
 * ZkModel.compile(Path.of("model.onnx"), CompileOptions.defaults(), samples, Path.of("out"));
 * ZkModel m = ZkModel.load(Path.of("out"));
 * Inference run = m.infer(ModelInputs.readInput(Path.of("input.json"), m.metadata().inputShapeArray()), "input.json");
 * Prover.Keys keys = m.hasKeys() ? m.keys() : m.setupDev(ProveOptions.ProgressListener.NONE);
 * ProofWithPublicSignals proof = m.prove(keys, run, ProveOptions.ProgressListener.NONE);
 * }</pre>
 */
public final class ZkModel {

    private final ModelDirectory dir;
    private final ModelMetadata metadata;
    private final CompiledModel model;
    private final R1cs r1cs;

    private ZkModel(ModelDirectory dir, ModelMetadata metadata, CompiledModel model, R1cs r1cs) {
        this.dir = dir;
        this.metadata = metadata;
        this.model = model;
        this.r1cs = r1cs;
    }

    /**
     * What compile produced.
     *
     * @param report the calibration report, or null without samples
     * @param removedKeys whether keys of an earlier circuit in the directory were removed
     */
    public record Compiled(ZkModel model, Calibrator.Report report, boolean removedKeys) {
    }

    // ---- compile ----------------------------------------------------------------------------------

    /** Imports an ONNX model; errors name the file. */
    public static ModelGraph importOnnx(Path onnx) {
        try {
            return OnnxImporter.read(onnx);
        } catch (ModelImportException e) {
            throw new ModelException(e.getMessage(), e);
        }
    }

    /**
     * Compiles {@code onnx} into {@code outDir}: calibrates on {@code samples} (or, when null, uses
     * worst-case accumulator widths: no input in range can make the circuit unsatisfiable), builds the
     * R1CS, and writes {@code model.onnx}, {@code circuit.r1cs} and {@code model.json}. Keys of an
     * earlier compile in {@code outDir} are removed (they belong to another circuit).
     */
    public static Compiled compile(Path onnx, CompileOptions options, List<float[]> samples, Path outDir) {
        return compile(onnx, importOnnx(onnx), options, samples, outDir);
    }

    /** As {@link #compile(Path, CompileOptions, List, Path)}, with the model already imported from {@code onnx}. */
    public static Compiled compile(Path onnx, ModelGraph graph, CompileOptions options, List<float[]> samples,
            Path outDir) {
        Calibrator.Options calibration = new Calibrator.Options(options.inputBits(), options.weightBits(),
                options.marginBits(), options.inputVisibility(), options.outputLabel(), options.outputVisibility());
        CompiledModel model;
        Calibrator.Report report = null;
        try {
            if (samples != null) {
                if (options.inputScale() != null) {
                    throw new ModelException("settings: inputScale is chosen by calibration; remove it, or compile "
                            + "without --calibrate");
                }
                Calibrator.Result r = Calibrator.calibrate(graph, samples, calibration);
                model = r.model();
                report = r.report();
            } else {
                // Scales as calibration would choose them for inputs of magnitude at most 1 (the weight
                // scales depend on the weights only), then worst-case accumulator widths everywhere.
                float[] unit = new float[graph.inputSize()];
                Arrays.fill(unit, 1f);
                ModelSettings chosen = Calibrator.calibrate(graph, List.of(unit), calibration).settings();
                int s = options.inputScale() != null ? options.inputScale() : chosen.inputScale();
                model = ModelCompiler.compile(graph, new ModelSettings(s, chosen.inputBits(), chosen.weightScale(),
                        Map.of(), chosen.inputVisibility(), chosen.outputLabel(), chosen.outputVisibility(),
                        chosen.weightScales()));
            }
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            throw new ModelException(onnx + ": cannot compile the model: " + e.getMessage(), e);
        }
        R1cs r1cs = R1csBuilder.compile(model.circuitFor(null, null));
        List<ModelMetadata.LayerCost> layers = layerCosts(model);
        long sum = layers.stream().mapToLong(ModelMetadata.LayerCost::constraints).sum();
        List<String> signals = model.publicSignalLayout().names();
        if (sum != r1cs.numConstraints() || signals.size() != r1cs.numPublic()) {
            throw new IllegalStateException("the layer report (" + sum + " constraints, " + signals.size()
                    + " public signals) disagrees with the circuit (" + r1cs.numConstraints() + ", "
                    + r1cs.numPublic() + ")");
        }
        ModelDirectory d = ModelDirectory.create(outDir);
        boolean removed = d.deleteKeys();
        d.copyIn(onnx, ModelDirectory.MODEL_ONNX);
        R1csFile.write(r1cs, d.r1cs());
        ModelMetadata.Calibration cal = report == null ? null : new ModelMetadata.Calibration(report.samples(),
                report.labelAgreement(), report.maxAbsError(), report.meanAbsError(), report.unsatisfiable());
        ModelMetadata metadata = new ModelMetadata(String.valueOf(onnx.getFileName()),
                ModelDirectory.sha256(d.modelOnnx()), Arrays.stream(graph.inputShape()).boxed().toList(),
                model.outputSize(), ModelMetadata.Settings.of(model.settings(), options.weightBits(),
                options.marginBits()), signals, model.commitment().toString(),
                new ModelMetadata.Circuit(r1cs.numConstraints(), r1cs.numWires(), Prover.requiredPower(r1cs),
                        ModelDirectory.sha256(d.r1cs())), layers, cal);
        d.writeText(ModelDirectory.MODEL_JSON, metadata.toJson());
        return new Compiled(new ZkModel(d, metadata, model, r1cs), report, removed);
    }

    /** The compiler's constraint report ({@link CompiledModel#layerCosts()}) as model.json rows. */
    static List<ModelMetadata.LayerCost> layerCosts(CompiledModel model) {
        return model.layerCosts().stream().map(c -> new ModelMetadata.LayerCost(c.name(), c.op(),
                Arrays.stream(c.outputShape()).boxed().toList(), c.constraints())).toList();
    }

    // ---- load -------------------------------------------------------------------------------------

    /**
     * Loads a compiled model directory and rebuilds its circuit from {@code model.onnx} and the
     * settings of {@code model.json}.
     *
     * @throws ModelException if a file is missing or malformed, or if the model file, the stored
     *     R1CS or the rebuilt circuit does not match what {@code model.json} records: a different
     *     circuit is never used silently
     */
    public static ZkModel load(Path path) {
        ModelDirectory d = ModelDirectory.open(path);
        ModelMetadata m = ModelMetadata.read(d.modelJson());
        String onnxSha = ModelDirectory.sha256(d.modelOnnx());
        if (!onnxSha.equals(m.sourceSha256())) {
            throw new ModelException(d.modelOnnx() + ": its SHA-256 " + onnxSha + " differs from source.sha256 in "
                    + d.modelJson() + " (the model changed after compile); recompile it");
        }
        String r1csSha = ModelDirectory.sha256(d.r1cs());
        if (!r1csSha.equals(m.circuit().r1csSha256())) {
            throw new ModelException(d.r1cs() + ": its SHA-256 " + r1csSha + " differs from circuit.r1csSha256 in "
                    + d.modelJson() + " (the circuit file changed after compile); recompile the model");
        }
        ModelGraph graph = importOnnx(d.modelOnnx());
        CompiledModel model;
        try {
            model = ModelCompiler.compile(graph, m.settings().toModelSettings());
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            throw new ModelException(d.modelJson() + ": the settings do not compile " + d.modelOnnx() + ": "
                    + e.getMessage(), e);
        }
        if (!Arrays.equals(graph.inputShape(), m.inputShapeArray()) || model.outputSize() != m.outputSize()) {
            throw new ModelException(d.modelJson() + ": input.shape " + m.inputShape() + " / output.size "
                    + m.outputSize() + " do not match " + d.modelOnnx() + " (" + Arrays.toString(graph.inputShape())
                    + " / " + model.outputSize() + ")");
        }
        String commitment = model.commitment().toString();
        if (!commitment.equals(m.commitment())) {
            throw new ModelException(d.modelJson() + ": the model commitment of the circuit rebuilt from "
                    + d.modelOnnx() + " and the settings is " + commitment + ", but commitment records "
                    + m.commitment() + " (was it compiled by another zkml4j version, or edited?); recompile the model");
        }
        R1cs rebuilt = R1csBuilder.compile(model.circuitFor(null, null));
        if (rebuilt.numConstraints() != m.circuit().constraints() || rebuilt.numWires() != m.circuit().wires()
                || !model.publicSignalLayout().names().equals(m.publicSignals())) {
            throw new ModelException(d.modelJson() + ": the circuit rebuilt from " + d.modelOnnx()
                    + " has " + rebuilt.numConstraints() + " constraints, " + rebuilt.numWires() + " wires and the "
                    + "public signals " + model.publicSignalLayout() + ", but model.json records "
                    + m.circuit().constraints() + ", " + m.circuit().wires() + " and " + String.join(", ",
                    m.publicSignals())
                    + " (was it compiled by another zkml4j version, or edited?); recompile the model");
        }
        R1cs stored = R1csFile.read(d.r1cs());
        if (!stored.equals(rebuilt.withoutNames())) {
            throw new ModelException(d.r1cs() + ": differs from the circuit rebuilt from " + d.modelOnnx()
                    + " and " + d.modelJson() + "; recompile the model");
        }
        return new ZkModel(d, m, model, rebuilt);
    }

    public ModelDirectory directory() {
        return dir;
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    public CompiledModel compiledModel() {
        return model;
    }

    /** The circuit's R1CS (with constraint names). */
    public R1cs r1cs() {
        return r1cs;
    }

    // ---- witness ----------------------------------------------------------------------------------

    /**
     * Runs the circuit on one input.
     *
     * @param source the input's file name, for messages
     * @throws ModelException if the input overflows a calibrated accumulator width (the circuit has
     *     no witness for it) or the witness does not satisfy the circuit
     */
    public Inference infer(float[] input, String source) {
        if (input.length != metadata.inputSize()) {
            throw new ModelException(source + ": expected " + metadata.inputSize() + " input values but got "
                    + input.length);
        }
        long[] q = model.quantizeInput(input);
        int clipped = 0;
        int scale = model.settings().inputScale();
        for (int i = 0; i < q.length; i++) {
            if (q[i] != QuantizedTensor.quantize(input[i], scale)) {
                clipped++;
            }
        }
        CompiledModel.Inference result;
        try {
            result = model.infer(q);
        } catch (BoundExceededException e) {
            throw new ModelException(source + ": the circuit cannot be satisfied for this input: " + e.getMessage()
                    + " (it lies outside what calibration saw plus settings.marginBits; recompile with a larger "
                    + "marginBits or calibrate on inputs like this one)", e);
        }
        Fr salt = model.settings().needsSalt() ? Commitments.randomSalt(new SecureRandom()) : null;
        R1csBuilder.Result built = R1csBuilder.build(model.circuitFor(q, salt));
        Witness witness = built.witness();
        CheckResult check = r1cs.check(witness);
        if (!(check instanceof CheckResult.Satisfied)) {
            throw new IllegalStateException("the witness for " + source + " does not satisfy the circuit: " + check);
        }
        List<Fr> publics = built.publicSignals();
        if (!publics.equals(model.publicSignals(q, salt))) {
            throw new IllegalStateException("the circuit's public signals differ from the integer reference for "
                    + source);
        }
        Integer label = model.settings().outputLabel() ? result.label() : null;
        return new Inference(q, clipped, result.output(), model.dequantize(result.output()), label, salt, witness,
                model.publicSignalLayout().names(), publics);
    }

    // ---- keys -------------------------------------------------------------------------------------

    /** Whether {@code DIR/circuit.zkey} and {@code DIR/verification_key.json} exist. */
    public boolean hasKeys() {
        return dir.hasKeys();
    }

    /**
     * Reads the keys of the directory.
     *
     * @throws ModelException if they are missing or were made for another circuit
     */
    public Prover.Keys keys() {
        if (!hasKeys()) {
            throw new ModelException(dir + ": no keys (" + ModelDirectory.CIRCUIT_ZKEY + ", "
                    + ModelDirectory.VERIFICATION_KEY + "); run zkml4j setup " + dir);
        }
        ProvingKey pk = ZkeyFile.openForProving(dir.zkey()); // points stay in the file until the MSMs read them
        if (pk.nPublic() != r1cs.numPublic() || pk.nVars() != r1cs.numWires()
                || pk.domainSize() < r1cs.numConstraints() + r1cs.numPublic() + 1) {
            throw new ModelException(dir.zkey() + ": made for another circuit (" + pk.nVars() + " wires, "
                    + pk.nPublic() + " public signals; this one has " + r1cs.numWires() + " and " + r1cs.numPublic()
                    + "); run zkml4j setup " + dir + " again");
        }
        VerifyingKey vk = SnarkjsJson.readVerificationKey(dir.verificationKey());
        if (!SnarkjsJson.verificationKeyJson(vk).equals(SnarkjsJson.verificationKeyJson(pk.verifyingKey()))) {
            throw new ModelException(dir.verificationKey() + ": does not belong to " + dir.zkey()
                    + "; run zkml4j setup " + dir + " again");
        }
        return new Prover.Keys(r1cs, pk, vk);
    }

    /** Keys from a prepared powers-of-tau file (as {@code snarkjs groth16 setup}), written to the directory. */
    public Prover.Keys setup(Path preparedPtau) {
        Prover.Keys keys = Prover.setup(r1cs, preparedPtau);
        writeKeys(keys);
        return keys;
    }

    /**
     * <b>Development only — insecure.</b> Keys from {@link DevSetup} (the toxic waste is sampled in this
     * process: whoever can read its memory can forge proofs), written to the directory.
     *
     * @param progress receives DevSetup's stages ({@code scalars}, {@code tables}, {@code g1}, {@code g2},
     *     {@code hash}) with the fraction of the work done
     */
    public Prover.Keys setupDev(ProveOptions.ProgressListener progress) {
        ProvingKey pk = DevSetup.newZkey(r1cs, progress).key();
        Prover.Keys keys = new Prover.Keys(r1cs, pk, pk.verifyingKey());
        writeKeys(keys);
        return keys;
    }

    private void writeKeys(Prover.Keys keys) {
        ZkeyFile.write(keys.provingKey(), dir.zkey());
        SnarkjsJson.writeVerificationKey(keys.verifyingKey(), dir.verificationKey());
    }

    // ---- prove ------------------------------------------------------------------------------------

    /**
     * Proves {@code run} and checks the proof with the verification key before returning it.
     *
     * @throws ModelException if the proof does not verify (keys of another circuit)
     */
    public ProofWithPublicSignals prove(Prover.Keys keys, Inference run, ProveOptions.ProgressListener progress) {
        ProofWithPublicSignals proof;
        try {
            proof = Groth16.prove(keys.provingKey(), run.witness(), new SecureRandom(),
                    ProveOptions.defaults().checkingAgainst(r1cs).withProgress(progress));
        } catch (Groth16Exception e) {
            throw new ModelException(dir.zkey() + ": " + e.getMessage(), e);
        }
        if (!Groth16.verify(keys.verifyingKey(), proof.publicSignals(), proof.proof())) {
            throw new ModelException(dir.verificationKey() + ": rejects the new proof: the keys in " + dir
                    + " do not belong to this circuit; run zkml4j setup " + dir + " again");
        }
        return proof;
    }
}
