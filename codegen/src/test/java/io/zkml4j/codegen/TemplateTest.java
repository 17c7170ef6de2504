package io.zkml4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {

    @Test
    void substitutesValuesVerbatim() {
        String out = Template.parse("t", "x = {{A}}; y = {{B_1}};").render(Map.of("A", "<&>", "B_1", "2"));
        assertThat(out).isEqualTo("x = <&>; y = 2;");
    }

    @Test
    void repeatsListSectionsWithInnerScopesShadowingOuterNames() {
        Template t = Template.parse("t", "{{#ITEMS}}[{{N}}:{{K}}]{{/ITEMS}}");
        String out = t.render(Map.of("K", "outer", "N", "0",
                "ITEMS", List.of(Map.of("N", "1"), Map.of("N", "2", "K", "inner"))));
        assertThat(out).isEqualTo("[1:outer][2:inner]");
    }

    @Test
    void booleanAndInvertedSections() {
        Template t = Template.parse("t", "{{#F}}yes{{/F}}{{^F}}no{{/F}}{{^L}}empty{{/L}}");
        assertThat(t.render(Map.of("F", true, "L", List.of()))).isEqualTo("yesempty");
        assertThat(t.render(Map.of("F", false, "L", List.of(Map.of())))).isEqualTo("no");
    }

    @Test
    void standaloneSectionLinesDisappear() {
        String src = "a\n  {{#F}}\n  b\n  {{/F}}\nc {{#F}}d{{/F}}\n";
        assertThat(Template.parse("t", src).render(Map.of("F", true))).isEqualTo("a\n  b\nc d\n");
        assertThat(Template.parse("t", src).render(Map.of("F", false))).isEqualTo("a\nc \n");
    }

    @Test
    void missingNamesAndWrongKindsFailWithTheLine() {
        assertThatThrownBy(() -> Template.parse("t.tmpl", "a\n{{MISSING}}").render(Map.of()))
                .isInstanceOf(CodegenException.class).hasMessage("t.tmpl:2: the model has no value named MISSING");
        assertThatThrownBy(() -> Template.parse("t", "{{A}}").render(Map.of("A", true)))
                .isInstanceOf(CodegenException.class).hasMessageContaining("needs a string");
        assertThatThrownBy(() -> Template.parse("t", "{{#A}}x{{/A}}").render(Map.of("A", "s")))
                .isInstanceOf(CodegenException.class).hasMessageContaining("needs a boolean or a list");
    }

    @Test
    void malformedTemplatesAreRejectedAtParseTime() {
        assertThatThrownBy(() -> Template.parse("t", "{{#A}}x"))
                .isInstanceOf(CodegenException.class).hasMessageContaining("never closed");
        assertThatThrownBy(() -> Template.parse("t", "{{#A}}x{{/B}}"))
                .isInstanceOf(CodegenException.class).hasMessageContaining("closes {{#A}}");
        assertThatThrownBy(() -> Template.parse("t", "ok\n{{ lower }}"))
                .isInstanceOf(CodegenException.class).hasMessageContaining("t:2: malformed tag");
    }
}
