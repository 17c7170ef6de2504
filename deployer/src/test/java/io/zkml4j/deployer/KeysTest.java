package io.zkml4j.deployer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.WalletUtils;

class KeysTest {

    /** Hardhat dev account 0 (public test key). */
    private static final String KEY = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private static final String ADDRESS = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";

    @TempDir Path temp;

    @Test
    void readsAKeyFromAnEnvironmentVariable() {
        assertThat(Keys.fromEnvironment("K", Map.of("K", KEY)::get).getAddress()).isEqualTo(ADDRESS);
        assertThat(Keys.fromEnvironment("K", Map.of("K", " 0x" + KEY + "\n")::get).getAddress()).isEqualTo(ADDRESS);
    }

    @Test
    void neverQuotesTheKeyWhenItIsMalformed() {
        List<String> secrets = List.of(
                KEY.substring(0, 63) + "g",                  // not hex
                KEY + "00",                                   // too long
                "0".repeat(64),                                // zero
                "f".repeat(64),                                // above the group order
                "my seed phrase words here");
        for (String secret : secrets) {
            assertThatThrownBy(() -> Keys.fromEnvironment("ZKML_KEY", Map.of("ZKML_KEY", secret)::get))
                    .isInstanceOf(DeploymentException.class)
                    .hasMessageContaining("ZKML_KEY")
                    .satisfies(e -> assertThat(everything(e)).doesNotContain(secret).doesNotContain(secret.substring(0, 12)));
        }
        assertThatThrownBy(() -> Keys.fromEnvironment("ZKML_KEY", Map.<String, String>of()::get))
                .hasMessage("Environment variable ZKML_KEY is not set (expected a private key)");
    }

    @Test
    void decryptsAKeystoreAndClearsThePassword() throws Exception {
        Path file = keystore("correct horse");
        char[] password = "correct horse".toCharArray();

        Credentials credentials = Keys.fromKeystore(file, password);

        assertThat(credentials.getAddress()).isEqualTo(ADDRESS);
        assertThat(new String(password)).isEqualTo("\0".repeat("correct horse".length()));
    }

    @Test
    void wrongPasswordsAndBadFilesFailWithoutQuotingSecrets() throws Exception {
        Path file = keystore("correct horse");

        assertThatThrownBy(() -> Keys.fromKeystore(file, "battery staple".toCharArray()))
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("wrong password")
                .satisfies(e -> assertThat(everything(e)).doesNotContain("battery staple").doesNotContain(KEY));
        Path junk = Files.writeString(temp.resolve("junk.json"), "{\"not\": \"a keystore\", \"secret\": \"" + KEY + "\"}");
        assertThatThrownBy(() -> Keys.fromKeystore(junk, "x".toCharArray()))
                .isInstanceOf(DeploymentException.class)
                .satisfies(e -> assertThat(everything(e)).doesNotContain(KEY));
        assertThatThrownBy(() -> Keys.fromKeystore(temp.resolve("missing.json"), "x".toCharArray()))
                .hasMessageContaining("does not exist");
    }

    @Test
    void passwordComesFromTheEnvironmentOrAConsole() {
        Path file = temp.resolve("k.json");
        assertThat(Keys.password("PW", file, Map.of("PW", "secret"), null)).containsExactly("secret".toCharArray());
        assertThatThrownBy(() -> Keys.password("PW", file, Map.of(), null))
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("environment variable PW is not set")
                .hasMessageContaining("no console");
    }

    private Path keystore(String password) throws Exception {
        String name = WalletUtils.generateWalletFile(password, ECKeyPair.create(new java.math.BigInteger(KEY, 16)),
                temp.toFile(), false);
        return temp.resolve(name);
    }

    /** Message, toString and stack of the exception and all its causes. */
    private static String everything(Throwable e) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            parts.add(String.valueOf(t.getMessage()));
            parts.add(t.toString());
        }
        java.io.StringWriter trace = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(trace));
        parts.add(trace.toString());
        return String.join("\n", parts);
    }
}
