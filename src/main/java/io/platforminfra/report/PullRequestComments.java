package io.platforminfra.report;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the preview comment on an Azure DevOps pull request: the first run opens a thread with it, every later run
 * (each push) replaces that comment's text, so a pull request carries one current preview instead of one per push.
 * The comment is found again by a marker hidden in its Markdown. Uses the Git REST API 7.1 (pull request threads).
 */
public final class PullRequestComments {
    /** Hidden in the comment (an HTML comment renders as nothing) so that the next run finds it. */
    public static final String MARKER = "<!-- platform-infra:preview-report -->";

    private static final String API_VERSION = "api-version=7.1";
    /** Azure DevOps's {@code CommentType.text}: a comment written by a person or a tool (not a system message). */
    private static final int TEXT_COMMENT = 1;
    /** Azure DevOps's {@code CommentThreadStatus.active}: open, for reviewers to act on. */
    private static final int ACTIVE_THREAD = 1;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final PullRequest pullRequest;
    private final HttpClient http;
    private final Gson gson = new Gson();

    /** Comments on {@code pullRequest} with its token. */
    public PullRequestComments(PullRequest pullRequest) {
        this.pullRequest = pullRequest;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    /** What {@link #publish} did. */
    public enum Outcome {
        /** Opened a new thread with the comment. */
        CREATED,
        /** Replaced the text of the comment an earlier run posted. */
        UPDATED
    }

    /**
     * Puts {@code markdown} on the pull request: replaces the comment of an earlier run, or opens a thread.
     *
     * @throws PostingException when Azure DevOps cannot be reached or refuses a request
     */
    public Outcome publish(String markdown) {
        var content = MARKER + "\n" + markdown;
        var threads = pullRequest.threads();
        var earlier = earlierComment(send("GET", threads, null));
        if (earlier.isPresent()) {
            var comment = earlier.get();
            send("PATCH", URI.create(threads + "/" + comment.thread() + "/comments/" + comment.id()),
                    Map.of("content", content));
            return Outcome.UPDATED;
        }
        send("POST", threads, Map.of(
                "comments", List.of(Map.of("parentCommentId", 0, "content", content, "commentType", TEXT_COMMENT)),
                "status", ACTIVE_THREAD));
        return Outcome.CREATED;
    }

    /** A comment in a thread. */
    private record Comment(long thread, long id) {
    }

    /** The comment of an earlier run: the first one, not deleted, with the marker. */
    private static Optional<Comment> earlierComment(JsonObject threads) {
        for (var thread : objects(threads, "value")) {
            if (deleted(thread) || !thread.has("id")) {
                continue;
            }
            for (var comment : objects(thread, "comments")) {
                var content = comment.get("content");
                if (!deleted(comment) && comment.has("id") && content != null && content.isJsonPrimitive()
                        && content.getAsString().contains(MARKER)) {
                    return Optional.of(new Comment(thread.get("id").getAsLong(), comment.get("id").getAsLong()));
                }
            }
        }
        return Optional.empty();
    }

    private JsonObject send(String method, URI resource, Object body) {
        var uri = URI.create(resource + "?" + API_VERSION);
        var request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + pullRequest.token())
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(gson.toJson(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new PostingException(method + " " + uri + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PostingException(method + " " + uri + " was interrupted");
        }
        return answer(method, uri, response);
    }

    /**
     * The JSON of a successful answer. Azure DevOps answers a token it does not accept with 401 or 403, or with
     * 203 and a sign-in page, so only a 2xx other than 203 with a JSON object counts as success.
     */
    private JsonObject answer(String method, URI uri, HttpResponse<String> response) {
        var status = response.statusCode();
        var request = method + " " + uri;
        if (status == 401 || status == 403 || status == 203) {
            throw new PostingException(request + " was refused (HTTP " + status + serverMessage(response) + "). "
                    + "Check that the step maps SYSTEM_ACCESSTOKEN and that the project's build service may"
                    + " contribute to pull requests in this repository.");
        }
        if (status < 200 || status > 299) {
            throw new PostingException(request + " failed (HTTP " + status + serverMessage(response) + ").");
        }
        try {
            var json = JsonParser.parseString(response.body());
            if (json.isJsonObject()) {
                return json.getAsJsonObject();
            }
        } catch (JsonParseException e) {
            // Reported below with the rest of the unexpected answers.
        }
        throw new PostingException(request + " answered HTTP " + status + " without a JSON object.");
    }

    /** Azure DevOps's own explanation ({@code message} of its error JSON), if it gave one. */
    private String serverMessage(HttpResponse<String> response) {
        try {
            var json = JsonParser.parseString(response.body());
            var message = json.isJsonObject() ? json.getAsJsonObject().get("message") : null;
            if (message != null && message.isJsonPrimitive()) {
                // Defence in depth: whatever the server echoes, the token is not repeated.
                return ": " + message.getAsString().replace(pullRequest.token(), "[secret]");
            }
        } catch (JsonParseException e) {
            // Not JSON (an HTML sign-in page, an empty body): the status says it all.
        }
        return "";
    }

    private static List<JsonObject> objects(JsonObject json, String key) {
        var value = json.get(key);
        if (value == null || !value.isJsonArray()) {
            return List.of();
        }
        var objects = new ArrayList<JsonObject>();
        value.getAsJsonArray().forEach(item -> {
            if (item.isJsonObject()) {
                objects.add(item.getAsJsonObject());
            }
        });
        return objects;
    }

    private static boolean deleted(JsonObject json) {
        var value = json.get("isDeleted");
        return value != null && value.isJsonPrimitive() && value.getAsBoolean();
    }
}
