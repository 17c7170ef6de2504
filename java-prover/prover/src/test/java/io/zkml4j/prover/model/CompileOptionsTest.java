package io.zkml4j.prover.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.ml.compile.Visibility;
import org.junit.jupiter.api.Test;

class CompileOptionsTest {

    @Test
    void missingKeysKeepTheDefaults() {
        assertThat(CompileOptions.parse("{}", "s.json")).isEqualTo(CompileOptions.defaults());
        assertThat(CompileOptions.defaults()).isEqualTo(new CompileOptions(16, 12, 2, null, Visibility.PRIVATE,
                Visibility.PUBLIC, true));
    }

    @Test
    void readsEveryKey() {
        CompileOptions o = CompileOptions.parse("{\"inputBits\": 20, \"weightBits\": 14, \"marginBits\": 3, "
                + "\"inputScale\": 8, \"inputVisibility\": \"PUBLIC\", \"outputVisibility\": \"hashed\", "
                + "\"outputLabel\": false}", "s.json");
        assertThat(o).isEqualTo(new CompileOptions(20, 14, 3, 8, Visibility.PUBLIC, Visibility.HASHED, false));
    }

    @Test
    void rejectsUnknownKeysAndBadValuesByName() {
        assertThatThrownBy(() -> CompileOptions.parse("{\"inputbits\": 16}", "s.json")).isInstanceOf(ModelException.class)
                .hasMessage("s.json: field inputbits: unknown key (allowed: inputBits, inputScale, inputVisibility, "
                        + "marginBits, outputLabel, outputVisibility, weightBits)");
        assertThatThrownBy(() -> CompileOptions.parse("{\"inputBits\": 40}", "s.json"))
                .hasMessage("s.json: field inputBits: expected an integer in [2, 32] but got 40");
        assertThatThrownBy(() -> CompileOptions.parse("{\"marginBits\": 1.5}", "s.json"))
                .hasMessage("s.json: field marginBits: expected an integer but got 1.5");
        assertThatThrownBy(() -> CompileOptions.parse("{\"inputVisibility\": \"hidden\"}", "s.json"))
                .hasMessage("s.json: field inputVisibility: expected one of private, public, hashed but got \"hidden\"");
        assertThatThrownBy(() -> CompileOptions.parse("{\"outputVisibility\": \"private\"}", "s.json"))
                .hasMessage("s.json: field outputVisibility: expected one of public, hashed but got \"private\"");
        assertThatThrownBy(() -> CompileOptions.parse("{\"outputLabel\": 1}", "s.json"))
                .hasMessage("s.json: field outputLabel: expected true or false but got 1");
        assertThatThrownBy(() -> CompileOptions.parse("{\"inputBits\": 16, \"inputBits\": 17}", "s.json"))
                .hasMessageStartingWith("s.json: invalid JSON at line 1: Duplicate field 'inputBits'");
    }
}
