package io.zkml4j.deployer;

import java.io.Console;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.web3j.crypto.exception.CipherException;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.WalletUtils;

/**
  * Loads the signing key: from an environment variable ({@code --key-env VAR}) or an encrypted
  * JSON keystore (Web3 Secret Storage, as geth, Foundry's {@code cast wallet} and web3j's
  * {@code WalletUtils} write it), with the password from an environment variable or typed at the
  * console.
  *
  * <p><b>Secrets are never printed.</b> No message of this class contains a key, a password or
  * any part of them; errors name only the variable or file. Causes that might quote the secret
  * (e.g. a number parser's message) are not chained. Callers must not log the returned
  * {@link Credentials} either; their address ({@link Credentials#getAddress()}) is safe to show.
  */
public final class Keys {

    private static final Pattern HEX_KEY = Pattern.compile("(0x)?[0-9a-fA-F]{64}");
    private static final BigInteger SECP256K1_N =
            new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);

    private Keys() {
    }

    /**
      * The private key held, as 64 hex digits (optionally {@code 0x}-prefixed), in the environment
      * variable {@code variable}.
      *
      * @throws DeploymentException if the variable is unset or empty, or not a valid secp256k1 key
      */
    public static Credentials fromEnvironment(String variable) {
        return fromEnvironment(variable, System::getenv);
    }

    /**
      * As {@link #fromEnvironment(String)}, reading variables through {@code environment} (a command
      * line that carries its own environment map, tests).
      */
    public static Credentials fromEnvironment(String variable, Function<String, String> environment) {
        Objects.requireNonNull(variable, "variable");
        String value = environment.apply(variable);
        if (value == null || value.isBlank()) {
            throw new DeploymentException("Environment variable " + variable + " is not set (expected a private key)");
        }
        String key = value.strip();
        if (!HEX_KEY.matcher(key).matches()) {
            throw new DeploymentException("Environment variable " + variable
                    + " does not hold a private key: expected 64 hex digits, optionally prefixed with 0x"
                    + " (the value is not shown)");
        }
        BigInteger secret = new BigInteger(key.startsWith("0x") ? key.substring(2) : key, 16);
        if (secret.signum() == 0 || secret.compareTo(SECP256K1_N) >= 0) {
            throw new DeploymentException("Environment variable " + variable
                    + " does not hold a valid secp256k1 private key (zero or not below the group order;"
                    + " the value is not shown)");
        }
        return Credentials.create(ECKeyPair.create(secret));
    }

    /**
      * Decrypts a JSON keystore.
      *
      * @param password cleared (overwritten with zeros) before this method returns
      * @throws DeploymentException if the file cannot be read or parsed, or the password is wrong
      */
    public static Credentials fromKeystore(Path keystore, char[] password) {
        Objects.requireNonNull(keystore, "keystore");
        Objects.requireNonNull(password, "password");
        try {
            if (!Files.isRegularFile(keystore)) {
                throw new DeploymentException("Keystore " + keystore + " does not exist or is not a file");
            }
            return WalletUtils.loadCredentials(new String(password), keystore.toFile());
        } catch (CipherException e) {
            throw new DeploymentException("Cannot decrypt keystore " + keystore + ": wrong password or corrupt file");
        } catch (IOException e) {
            throw new DeploymentException("Cannot read keystore " + keystore + ": " + e.getClass().getSimpleName()
                    + " (is it a JSON keystore?)");
        } catch (RuntimeException e) {
            if (e instanceof DeploymentException d) {
                throw d;
            }
            throw new DeploymentException("Cannot load keystore " + keystore + ": " + e.getClass().getSimpleName());
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
      * The keystore password: from the environment variable {@code variable} when it is set,
      * otherwise asked for on the console without echo.
      *
      * @param variable may be null to always prompt
      * @throws DeploymentException if the variable is unset and there is no console to ask on
      */
    public static char[] password(String variable, Path keystore) {
        return password(variable, keystore, System.getenv(), System.console());
    }

    static char[] password(String variable, Path keystore, Map<String, String> environment, Console console) {
        if (variable != null) {
            String value = environment.get(variable);
            if (value != null) {
                return value.toCharArray();
            }
        }
        if (console == null) {
            throw new DeploymentException("No password for keystore " + keystore + ": "
                    + (variable == null ? "" : "environment variable " + variable + " is not set and ")
                    + "there is no console to ask on");
        }
        char[] typed = console.readPassword("Password for %s: ", keystore);
        if (typed == null) {
            throw new DeploymentException("No password for keystore " + keystore + ": end of input");
        }
        return typed;
    }
}
