package io.zkml4j.deployer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkConfigTest {

    @TempDir Path temp;

    @Test
    void loadsJsonAndProperties() throws Exception {
        Path json = Files.writeString(temp.resolve("net.json"), "{\"rpcUrl\": \"http://127.0.0.1:8545\", \"chainId\": 31337}");
        Path props = Files.writeString(temp.resolve("net.properties"), "rpc.url = https://rpc.example.org/v3/KEY\nchain.id=0xaa36a7\n");

        assertThat(NetworkConfig.load(json)).isEqualTo(NetworkConfig.of("http://127.0.0.1:8545", 31337));
        assertThat(NetworkConfig.load(props)).isEqualTo(NetworkConfig.of("https://rpc.example.org/v3/KEY", 11155111));
    }

    @Test
    void reportsWhatIsWrongWithAFile() throws Exception {
        Path noId = Files.writeString(temp.resolve("a.json"), "{\"rpcUrl\": \"http://x\"}");
        Path badId = Files.writeString(temp.resolve("b.properties"), "rpc.url=http://x\nchain.id=main\n");
        Path ws = Files.writeString(temp.resolve("c.json"), "{\"rpcUrl\": \"ws://x\", \"chainId\": 1}");

        assertThatThrownBy(() -> NetworkConfig.load(noId)).isInstanceOf(DeploymentException.class)
                .hasMessageContaining(noId.toString()).hasMessageContaining("chainId");
        assertThatThrownBy(() -> NetworkConfig.load(badId)).hasMessageContaining("chain id main is not a number");
        assertThatThrownBy(() -> NetworkConfig.load(ws)).hasMessageContaining("http(s)");
        assertThatThrownBy(() -> NetworkConfig.load(temp.resolve("none.json"))).hasMessageContaining("Cannot read");
        assertThatThrownBy(() -> NetworkConfig.of("http://x", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hidesApiKeysInUrls() {
        NetworkConfig config = NetworkConfig.of("https://user:pw@eth.example.org:8443/v3/SECRETKEY?apikey=SECRET2", 1);

        assertThat(config.redactedUrl()).isEqualTo("https://eth.example.org:8443/…?…");
        assertThat(config.toString()).doesNotContain("SECRET").doesNotContain("pw");
        assertThatThrownBy(() -> NetworkConfig.of("ftp://h/SECRETKEY", 1))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SECRETKEY"));
    }
}
