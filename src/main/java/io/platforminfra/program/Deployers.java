package io.platforminfra.program;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.platforminfra.components.common.ObjectIds;
import io.platforminfra.components.common.Problem;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code platform-infra:deployers}: the Entra object IDs of the identities that may update the stage
 * ({@link DeploymentGuard}). One list per stage, in its stack file, because which identity deploys a stage is a
 * fact about that stage (its ring's service connection), reviewed with the rest of the file; production stack files
 * need the platform team's review (CONTRIBUTING.md), so nobody adds themselves to a production stage unseen.
 *
 * <p>Required in every stage, not only production ones: every stage is updated by the release pipeline, and a
 * missing list should fail the pull request's plan, not the release. An empty list is refused too: it would let
 * nobody but break glass update the stage.
 */
final class Deployers {
    /** The nil GUID: what some tools print for "no object ID"; never an identity. */
    private static final String NIL_GUID = "00000000-0000-0000-0000-000000000000";
    private static final String WHERE_FROM = "the principal ID of the release pipeline's deploying identity for the"
            + " stage's ring (id-<prefix>-deploy-nonprod for development, id-<prefix>-deploy-prod for production),"
            + " as scripts/bootstrap.sh prints it (docs/stages.md)";

    private Deployers() {
    }

    /** The object IDs of {@code platform-infra:deployers}, every mistake recorded in {@code problems}. */
    static List<String> read(ConfigSource source, List<Problem> problems) {
        var key = StackKeys.DEPLOYERS;
        if (source.isSecret(key)) {
            problems.add(new Problem(key, Problem.Hidden.SECRET, "be plain text: object IDs are not secrets, and reviewers must"
                    + " see who may update the stage"));
            return List.of();
        }
        var json = source.value(key).filter(value -> !value.isBlank());
        if (json.isEmpty()) {
            problems.add(new Problem(key, null, "list the object IDs of the identities that may update the stage: "
                    + WHERE_FROM));
            return List.of();
        }
        var element = parsed(json.get());
        if (element == null || !element.isJsonArray()) {
            problems.add(new Problem(key, json.get(), "be a list of object IDs (GUIDs): " + WHERE_FROM));
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
            if (text == null || !ObjectIds.isObjectId(text) || text.equals(NIL_GUID)) {
                problems.add(new Problem(key + "[" + i + "]", text != null ? text : item.toString(),
                        "be an object ID (a GUID, not the nil GUID): " + WHERE_FROM));
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
