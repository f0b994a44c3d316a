package io.campaignkit.testkit.channel;

import java.util.Optional;

/**
 * One scripted answer of a provider, for {@link ScriptedProvider#answersMeaning}: arming it makes the
 * provider give that answer to the next send only.
 *
 * @param description          what the provider answers, for failure messages, such as
 *                             {@code "HTTP 400, code 131026"}
 * @param expectedProviderCode the provider code the adapter must report, or empty when there is none
 *                             (a timeout)
 * @param arm                  scripts the provider's answer to the next send
 */
public record ProviderAnswer(String description, Optional<String> expectedProviderCode, Runnable arm) {

    /**
     * Validates; a bad argument is named in the error.
     *
     * @param description see {@link #description()}
     * @param expectedProviderCode see {@link #expectedProviderCode()}
     * @param arm see {@link #arm()}
     * @throws IllegalArgumentException when an argument is invalid
     */
    public ProviderAnswer {
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("description must not be blank");
        }
        if (expectedProviderCode == null) {
            throw new IllegalArgumentException("expectedProviderCode must not be null (use Optional.empty())");
        }
        if (arm == null) {
            throw new IllegalArgumentException("arm must not be null");
        }
    }

    /**
     * An answer carrying a provider error code.
     *
     * @param description  what the provider answers, not blank
     * @param providerCode the code the adapter must report, not blank
     * @param arm          scripts the next send, not null
     * @return the answer
     */
    public static ProviderAnswer withCode(String description, String providerCode, Runnable arm) {
        if (providerCode == null || providerCode.isBlank()) {
            throw new IllegalArgumentException("providerCode must not be blank");
        }
        return new ProviderAnswer(description, Optional.of(providerCode), arm);
    }

    /**
     * An answer with no provider code, such as a timeout or a dropped connection.
     *
     * @param description what happens, not blank
     * @param arm         scripts the next send, not null
     * @return the answer
     */
    public static ProviderAnswer withoutCode(String description, Runnable arm) {
        return new ProviderAnswer(description, Optional.empty(), arm);
    }

    @Override
    public String toString() {
        return description;
    }
}
