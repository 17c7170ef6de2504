package io.zkml4j.testchain;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
  * Selects which funded dev account ({@link DevAccounts#account(int)}) a
  * {@code org.web3j.crypto.Credentials} parameter of a {@link ChainTest} receives. Without it the
  * parameter gets account 0, Hardhat's default sender.
  */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DevAccount {

    /** Account index, {@code 0 ... 19}. */
    int value();
}
