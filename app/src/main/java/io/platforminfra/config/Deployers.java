package io.platforminfra.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.platforminfra.components.validation.ObjectIds;
import io.platforminfra.components.validation.Problem;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code platform-infra:deployers}: the client IDs of the identities that may update the stage
 * ({@code DeploymentGuard}). One list per stage, in its stack file, because which identity deploys a stage is a
 * fact about that stage (its ring's {@code id-platform-infra-<type>-deploy}, the identity of the ring's
 * {@code -deploy} pool), reviewed with the rest of the file; production stack files need the platform team's review
 * (CONTRIBUTING.md), so nobody adds themselves to a production stage unseen.
 *
 * <p>Client IDs, not object IDs: under managed identity azure-native 2.x reports no object ID
 * ({@code DeployingIdentity}). An object ID listed here still matches a caller whose object ID the provider reports.
 *
 * <p>Required in every stage, not only production ones: every stage is updated by the release pipeline, and a
 * missing list should fail the pull request's plan, not the release. An empty list is refused too: it would let
 * nobody but break glass update the stage. The Azure CLI's application ID is refused: the provider reports it as
 * the client ID of everyone signed in with {@code az login}, so listing it would admit every person.
 */
public final class Deployers {
    /**
     * The Azure CLI's own application ID: the client ID go-azure-helpers reports for every {@code az login}
     * ({@code a.clientId = token.ClientID}, authentication/azure_cli_profile_population.go), the same for every
     * person in every tenant ("AzureCLI 04b07795-8ddb-461a-bbee-02f9e1bf7b46", Microsoft's Azure Stack Hub docs,
     * azure-stack-rest-api-use.md; it is also the Microsoft first-party application "Microsoft Azure CLI").
     */
    public static final String AZURE_CLI_CLIENT_ID = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";

    /**
     * Whether a client ID names one identity: a GUID that is not the Azure CLI's, which every person signed in with
     * az shares.
     */
    public static boolean identifiesOne(String clientId) {
        return ObjectIds.isObjectId(clientId) && !clientId.equalsIgnoreCase(AZURE_CLI_CLIENT_ID);
    }

    private static final String WHERE_FROM = "the client ID of the ring's deploying identity"
            + " (id-platform-infra-development-deploy for development, id-platform-infra-production-deploy for"
            + " production), as scripts/bootstrap.sh prints it (docs/bootstrap.md)";

    private Deployers() {
    }

    /** The client IDs of {@code platform-infra:deployers}, every mistake recorded in {@code problems}. */
    static List<String> read(ConfigSource source, List<Problem> problems) {
        var key = StackKeys.DEPLOYERS;
        if (source.isSecret(key)) {
            problems.add(new Problem(key, Problem.Hidden.SECRET, "be plain text: client IDs are not secrets, and"
                    + " reviewers must see who may update the stage"));
            return List.of();
        }
        var json = source.value(key).filter(value -> !value.isBlank());
        if (json.isEmpty()) {
            problems.add(new Problem(key, null, "list the client IDs of the identities that may update the stage: "
                    + WHERE_FROM));
            return List.of();
        }
        var element = parsed(json.get());
        if (element == null || !element.isJsonArray()) {
            problems.add(new Problem(key, json.get(), "be a list of client IDs (GUIDs): " + WHERE_FROM));
            return List.of();
        }
        var array = element.getAsJsonArray();
        if (array.isEmpty()) {
            problems.add(new Problem(key, "[]", "name at least one identity (an empty list lets nobody update the"
                    + " stage): " + WHERE_FROM));
            return List.of();
        }
        var ids = new ArrayList<String>();
        for (int i = 0; i < array.size(); i++) {
            var item = array.get(i);
            var text = item.isJsonPrimitive() && item.getAsJsonPrimitive().isString() ? item.getAsString() : null;
            if (text == null || !ObjectIds.isObjectId(text) || ObjectIds.isNil(text)) {
                problems.add(new Problem(key + "[" + i + "]", text != null ? text : item.toString(),
                        "be a client ID (a GUID, not the nil GUID): " + WHERE_FROM));
            } else if (text.equalsIgnoreCase(AZURE_CLI_CLIENT_ID)) {
                problems.add(new Problem(key + "[" + i + "]", text, "not be the Azure CLI's application ID: the"
                        + " Azure provider reports it as the client ID of every person signed in with az login, so"
                        + " it would let anyone update the stage. List " + WHERE_FROM));
            } else {
                ids.add(text);
            }
        }
        return List.copyOf(ids);
    }

    private static JsonElement parsed(String json) {
        try {
            return JsonParser.parseString(json);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
