package io.zkml4j.cli;

import static io.zkml4j.cli.CliRun.abs;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zkml4j.groth16.json.SnarkjsJson;
import io.zkml4j.prover.model.ModelFixtures;
import io.zkml4j.r1cs.WtnsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compile}, {@code witness}, {@code setup}, {@code prove} in-process on the example models. */
class ModelCommandsTest {

    @TempDir
    Path dir;

    static Path fixture(String model, String file) {
        return ModelFixtures.dir(model).resolve(file);
    }

    private static CliRun.Result zkml4j(String... args) {
        return CliRun.run(args);
    }

    private Path compileMlp() {
        Path out = dir.resolve("mlp");
        CliRun.Result r = zkml4j("compile", abs(fixture("digits_mlp", "model.onnx")), "--calibrate",
                abs(fixture("digits_mlp", "test_inputs.json")), "--out", abs(out));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return out;
    }

    @Test
    void compileWitnessSetupProveAndVerifyTheDigitsMlp() throws IOException {
        Path out = dir.resolve("mlp");
        CliRun.Result compile = zkml4j("compile", abs(fixture("digits_mlp", "model.onnx")), "--calibrate",
                abs(fixture("digits_mlp", "test_inputs.json")), "--out", abs(out));
        assertThat(compile.exitCode()).as(compile.toString()).isZero();
        assertThat(compile.out()).isEmpty();
        assertThat(compile.err()).contains("compiled model.onnx into " + abs(out) + ": 2,520 constraints")
                .contains("calibration: 50 samples; labels agree with the float model on 100.00 %")
                .contains("constraints per layer:").containsPattern("/relu/Relu +Relu +\\[1, 32\\] +960")
                .doesNotContain("warning");
        assertThat(out.resolve("model.json")).isRegularFile();
        assertThat(out.resolve("circuit.r1cs")).isRegularFile();
        assertThat(out.resolve("model.onnx")).isRegularFile();

        Path input = fixture("digits_mlp", "input.json");
        Path wtns = dir.resolve("w.wtns");
        Path output = dir.resolve("output.json");
        CliRun.Result witness = zkml4j("witness", abs(out), abs(input), abs(wtns), "--output", abs(output));
        assertThat(witness.exitCode()).as(witness.toString()).isZero();
        assertThat(witness.err()).contains("witness written to " + abs(wtns)).contains("label 6");
        JsonNode o = new ObjectMapper().readTree(output.toFile());
        assertThat(o.get("label").asInt()).isEqualTo(6);
        assertThat(o.get("output")).hasSize(10);
        assertThat(WtnsFile.read(wtns).size()).isEqualTo(2470);

        // prove without keys: a development setup first, said so
        Path p1 = dir.resolve("p1");
        CliRun.Result prove = zkml4j("prove", abs(out), abs(input), "--out", abs(p1));
        assertThat(prove.exitCode()).as(prove.toString()).isZero();
        assertThat(prove.err()).contains("has no keys yet: running a local development setup")
                .contains("WARNING: development setup").contains("(label 6)");
        for (String f : new String[] {"proof.json", "public.json", "output.json", "witness.wtns"}) {
            assertThat(p1.resolve(f)).isRegularFile();
        }
        assertThat(Files.readString(p1.resolve("output.json"))).isEqualTo(Files.readString(output));
        assertThat(p1.resolve("witness.wtns")).hasSameBinaryContentAs(wtns);
        assertThat(SnarkjsJson.readPublicSignals(p1.resolve("public.json"))).hasSize(11);
        assertThat(out.resolve("circuit.zkey")).isRegularFile();
        CliRun.Result verify = zkml4j("groth16", "verify", abs(out.resolve("verification_key.json")),
                abs(p1.resolve("public.json")), abs(p1.resolve("proof.json")));
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        assertThat(verify.out()).isEqualTo("OK!" + System.lineSeparator());

        // the proof's public signals are the witness's, and a changed output is rejected
        String pub = Files.readString(p1.resolve("public.json"));
        Files.writeString(p1.resolve("public.json"), pub.replaceFirst("\"(\\d+)\"", "\"12345\""));
        assertThat(zkml4j("groth16", "verify", abs(out.resolve("verification_key.json")),
                abs(p1.resolve("public.json")), abs(p1.resolve("proof.json"))).exitCode())
                .isEqualTo(ExitCodes.INVALID_PROOF);

        // explicit development setup, then prove with the existing keys (no setup message)
        CliRun.Result setup = zkml4j("setup", abs(out));
        assertThat(setup.exitCode()).as(setup.toString()).isZero();
        assertThat(setup.err()).contains("WARNING: development setup").contains("keys written to ");
        Path p2 = dir.resolve("p2");
        CliRun.Result again = zkml4j("prove", abs(out), abs(input), "--out", abs(p2));
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.err()).doesNotContain("development setup");
        assertThat(zkml4j("groth16", "verify", abs(out.resolve("verification_key.json")),
                abs(p2.resolve("public.json")), abs(p2.resolve("proof.json"))).exitCode()).isZero();
        // the old proof was made with the replaced keys
        Files.writeString(p1.resolve("public.json"), pub);
        assertThat(zkml4j("groth16", "verify", abs(out.resolve("verification_key.json")),
                abs(p1.resolve("public.json")), abs(p1.resolve("proof.json"))).exitCode())
                .isEqualTo(ExitCodes.INVALID_PROOF);
    }

    @Test
    void compilesTheCnnWithoutCalibrationAndWithSettings() throws IOException {
        Path settings = dir.resolve("settings.json");
        Files.writeString(settings, "{\"inputBits\": 12, \"outputLabel\": false}");
        Path out = dir.resolve("cnn");
        CliRun.Result r = zkml4j("compile", abs(fixture("digits_cnn", "model.onnx")), "--settings", abs(settings),
                "--out", abs(out));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("calibration: none (no --calibrate)").contains("input private, 12 bits")
                .contains("10 public signals");
        JsonNode m = new ObjectMapper().readTree(out.resolve("model.json").toFile());
        assertThat(m.at("/settings/outputLabel").asBoolean()).isFalse();
        assertThat(m.get("calibration").isNull()).isTrue();
    }

    @Test
    void compileWarnsWhenTheQuantizedLabelsAgreeOnFewerThan99Percent() throws IOException {
        Path settings = dir.resolve("coarse.json");
        Files.writeString(settings, "{\"weightBits\": 5}");
        CliRun.Result r = zkml4j("compile", abs(fixture("digits_mlp", "model.onnx")), "--calibrate",
                abs(fixture("digits_mlp", "test_inputs.json")), "--settings", abs(settings), "--out",
                abs(dir.resolve("coarse")));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("labels agree with the float model on 98.00 %")
                .contains("warning: the quantized labels agree with the float model on only 98.0% of the 50 "
                        + "calibration samples").contains("weightBits 9 instead of 5").contains("settings.json");
        // --quiet keeps the warning
        CliRun.Result quiet = zkml4j("-q", "compile", abs(fixture("digits_mlp", "model.onnx")), "--calibrate",
                abs(fixture("digits_mlp", "test_inputs.json")), "--settings", abs(settings), "--out",
                abs(dir.resolve("coarse")));
        assertThat(quiet.err()).startsWith("warning: the quantized labels agree").doesNotContain("constraints per");
    }

    @Test
    void badInputsExitTwoNamingTheFile() throws IOException {
        Path out = compileMlp();
        Path w = dir.resolve("w.wtns");

        Path shortInput = dir.resolve("short.json");
        Files.writeString(shortInput, "{\"input\": [1, 2, 3]}");
        CliRun.Result r = zkml4j("witness", abs(out), abs(shortInput), abs(w));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).isEqualTo("zkml4j witness: " + abs(shortInput) + ": field input: expected 64 values (the "
                + "model's input shape [1, 64]) but got 3" + System.lineSeparator());
        assertThat(w).doesNotExist();

        Path nan = dir.resolve("nan.json");
        Files.writeString(nan, "{\"input\": [" + "0, ".repeat(10) + "NaN" + ", 0".repeat(53) + "]}");
        r = zkml4j("prove", abs(out), abs(nan), "--out", abs(dir.resolve("p")));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(abs(nan) + ": field input[10]: expected a finite number but got NaN");

        r = zkml4j("witness", abs(dir.resolve("nowhere")), abs(fixture("digits_mlp", "input.json")), abs(w));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(abs(dir.resolve("nowhere")) + ": no such directory");

        Path json = out.resolve("model.json");
        String original = Files.readString(json);
        Files.writeString(json, original.replace("\"inputBits\": 16", "\"inputBits\": \"16\""));
        r = zkml4j("prove", abs(out), abs(fixture("digits_mlp", "input.json")), "--out", abs(dir.resolve("p")));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).startsWith("zkml4j prove: " + abs(json) + ": field settings.inputBits: expected an "
                + "integer but got \"16\"");
        Files.writeString(json, original.replace("\"output\": 31", "\"output\": 33"));
        r = zkml4j("setup", abs(out));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(abs(json) + ": the model commitment of the circuit rebuilt from");
        assertThat(out.resolve("circuit.zkey")).doesNotExist();
        Files.writeString(json, original);

        Path settings = dir.resolve("settings.json");
        Files.writeString(settings, "{\"inputBits\": 16, \"bits\": 3}");
        r = zkml4j("compile", abs(fixture("digits_mlp", "model.onnx")), "--settings", abs(settings), "--out",
                abs(dir.resolve("x")));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(abs(settings) + ": field bits: unknown key (allowed: inputBits,");

        r = zkml4j("compile", abs(fixture("unsupported_gather", "model.onnx")), "--out", abs(dir.resolve("g")));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("model.onnx").contains("Gather");

        r = zkml4j("setup", abs(out), "--ptau", abs(CliRun.fixture(dir, "pot4_prepared.ptau")));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(out.resolve("circuit.zkey")).doesNotExist();

        Files.writeString(dir.resolve("file"), "");
        r = zkml4j("prove", abs(out), abs(fixture("digits_mlp", "input.json")), "--out", abs(dir.resolve("file")));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("exists and is not a directory");
        assertThat(CliRun.tempFiles(out)).isZero();
    }

    @Test
    void hashedInputAndOutputThroughTheCommandLine() throws IOException {
        Path settings = dir.resolve("settings.json");
        Files.writeString(settings, "{\"inputVisibility\": \"hashed\", \"outputVisibility\": \"hashed\"}");
        Path out = dir.resolve("hashed");
        CliRun.Result compile = zkml4j("compile", abs(fixture("logistic", "model.onnx")), "--settings", abs(settings),
                "--calibrate", abs(fixture("logistic", "test_inputs.json")), "--out", abs(out));
        assertThat(compile.exitCode()).as(compile.toString()).isZero();

        Path proof = dir.resolve("proof");
        CliRun.Result prove = zkml4j("prove", abs(out), abs(fixture("logistic", "input.json")), "--out", abs(proof));
        assertThat(prove.exitCode()).as(prove.toString()).isZero();
        JsonNode o = new ObjectMapper().readTree(proof.resolve("output.json").toFile());
        JsonNode expected = new ObjectMapper().readTree(fixture("logistic", "expected_output.json").toFile());
        assertThat(o.get("label").asInt()).isEqualTo(expected.get("label").asInt());
        assertThat(o.get("salt").asText()).isNotBlank();
        // public.json holds the two commitments only, exactly those output.json opens
        assertThat(SnarkjsJson.readPublicSignals(proof.resolve("public.json"))).extracting(Object::toString)
                .containsExactly(o.get("outputCommitment").asText(), o.get("inputCommitment").asText());
        CliRun.Result verify = zkml4j("groth16", "verify", abs(out.resolve("verification_key.json")),
                abs(proof.resolve("public.json")), abs(proof.resolve("proof.json")));
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
    }
}

