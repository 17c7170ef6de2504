package io.zkml4j.testchain;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
  * Runs a test class against its own local Hardhat node: {@link HardhatNodeExtension} starts one
  * before the class's first test and stops it after its last, and injects {@link HardhatNode},
  * {@code org.web3j.protocol.Web3j} and {@code org.web3j.crypto.Credentials} (dev account 0, or
  * {@link DevAccount @DevAccount(i)}) into constructors, lifecycle methods and tests.
  *
  * <pre>{@code
  * @ChainTest
  * class VerifierIT {
  *     @Test
  *     void deploys(Web3j web3j, Credentials deployer, @DevAccount(1) Credentials other) { ... }
  * }
  * }</pre>
  *
  * <p>Tagged {@code chain}, so a build can select or exclude chain tests with {@code -Dgroups} /
  * {@code -DexcludedGroups}.
  */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("chain")
@ExtendWith(HardhatNodeExtension.class)
public @interface ChainTest {
}
