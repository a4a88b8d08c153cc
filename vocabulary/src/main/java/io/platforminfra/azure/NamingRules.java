package io.platforminfra.azure;

import java.util.regex.Pattern;

/**
 * The naming rules of an Azure resource type the platform names by its convention (the optional part of a row of
 * {@link AzureResourceType}, the one table of types): the abbreviation of the Cloud Adoption Framework and the
 * length and character rules Azure enforces for each name.
 *
 * <p>Source: "Naming rules and restrictions for Azure resources" and "Abbreviation examples for Azure resources"
 * (Microsoft Learn, Cloud Adoption Framework). Checking names here turns a failed deployment minutes into a run
 * into an error before anything is created.
 *
 * @param noun           the type in words, as error messages name it, such as {@code key vault}
 * @param abbreviation   Cloud Adoption Framework abbreviation, the first part of every name
 * @param armType        Azure Resource Manager type, as it appears in resource IDs, such as {@code
 *                       Microsoft.KeyVault/vaults}
 * @param minLength      the fewest characters Azure accepts in a name
 * @param maxLength      the most characters Azure accepts in a name
 * @param pattern        the characters Azure accepts, as an expression the whole name must match
 * @param globallyUnique whether the name must be unique across all of Azure (it becomes part of a public DNS name)
 * @param allowsHyphens  whether Azure accepts hyphens in this type's names
 */
public record NamingRules(String noun, String abbreviation, String armType, int minLength, int maxLength,
                          Pattern pattern, boolean globallyUnique, boolean allowsHyphens) {

    NamingRules(String noun, String abbreviation, String armType, int minLength, int maxLength, String pattern,
                boolean globallyUnique, boolean allowsHyphens) {
        this(noun, abbreviation, armType, minLength, maxLength, Pattern.compile(pattern), globallyUnique,
                allowsHyphens);
    }

    /** Whether Azure accepts {@code name} for this resource type. */
    public boolean accepts(String name) {
        return name != null && name.length() >= minLength && name.length() <= maxLength
                && pattern.matcher(name).matches();
    }

    /** The rule in words, for error messages. */
    public String rule() {
        return "be " + minLength + "-" + maxLength + " characters matching " + pattern.pattern()
                + " (Azure's rule for " + noun + " names)";
    }
}
