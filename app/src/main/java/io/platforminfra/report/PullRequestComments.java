package io.platforminfra.report;

import io.platforminfra.structure.ShownValues;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the preview comment on an Azure DevOps pull request: the first run opens a thread with it, every later run
 * (each push) replaces that comment's text, so a pull request carries one current preview instead of one per push.
 * When the text changes and a reviewer had resolved the thread, the thread is made active again; an identical
 * re-run changes nothing.
 * Uses the Git REST API 7.1 (pull request threads).
 *
 * <p>Its own thread is the one it marked when it opened it: a thread property ({@link #THREAD_PROPERTY}), which the
 * Threads - Create request takes as "optional properties associated with the thread as a collection of key-value
 * pairs" (learn.microsoft.com, rest/api/azure/devops/git/pull-request-threads/create). Properties are written as
 * {@code {"type", "value"}} and read back as {@code {"$type", "$value"}} (microsoft/simple_ado
 * simple_ado/comments.py and pull_requests.py do the same to find their own threads). A comment someone else writes,
 * even one that copies the hidden marker, is never taken for it. Threads are listed page by page: Azure DevOps
 * answers a long list with an {@code x-ms-continuationtoken} header, and the next page is the same request with
 * {@code continuationToken} (jessehouwing.net, "Accessing Azure DevOps APIs with large volumes of data"). A thread or
 * comment whose ID is not a positive whole number is skipped: such an ID is never put into a URL.
 */
public final class PullRequestComments {
    /** Hidden in the comment (an HTML comment renders as nothing), and part of what makes the thread ours. */
    public static final String MARKER = "<!-- platform-infra:preview-report -->";

    /**
     * The most characters Azure DevOps takes in one comment: a longer one is refused with HTTP 400 "A discussion
     * comment cannot be longer than 150000 characters. Parameter name: comment.Content". The limit is not in the REST
     * reference; it is reported in runatlantis/atlantis#1585 (which set its Azure DevOps limit to it),
     * Azure/AzOps#652, jfrog/frogbot#446 and infracost/infracost#3496. Azure DevOps counts .NET (UTF-16)
     * characters, as Java's {@link String#length()} does.
     */
    public static final int MAX_CONTENT = 150_000;

    /** The property this tool sets on the thread it opens, and its value. */
    public static final String THREAD_PROPERTY = "platform-infra.previewReport";
    /** The most characters of Markdown {@link #publish} takes: {@link #MAX_CONTENT} less the marker line. */
    public static final int MAX_MARKDOWN = MAX_CONTENT - MARKER.length() - 1;

    /** The value of {@link #THREAD_PROPERTY}: a version of the thread's layout, should it ever change. */
    public static final String THREAD_PROPERTY_VALUE = "1";

    private static final String API_VERSION = "api-version=7.1";
    /** The header with which Azure DevOps says there is another page, and the query parameter that asks for it. */
    static final String CONTINUATION_HEADER = "x-ms-continuationtoken";
    private static final String CONTINUATION_PARAMETER = "continuationToken";
    /** More pages than this is a server that never stops: a pull request has nowhere near that many threads. */
    private static final int MAX_PAGES = 100;
    /** Azure DevOps's {@code CommentType.text}: a comment written by a person or a tool (not a system message). */
    private static final int TEXT_COMMENT = 1;
    /** Azure DevOps's {@code CommentThreadStatus.active}: open, for reviewers to act on. */
    private static final int ACTIVE_THREAD = 1;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final PullRequest pullRequest;
    private final Retry retry;
    private final HttpClient http;
    private final Gson gson = new Gson();

    /** Comments on {@code pullRequest} with its token, retrying as {@link Retry#standard} with real sleeps. */
    public PullRequestComments(PullRequest pullRequest) {
        this(pullRequest, Retry.standard(Retry.SLEEP));
    }

    /** Comments on {@code pullRequest} with its token; after 429 or 5xx sends a request again as {@code retry} says. */
    public PullRequestComments(PullRequest pullRequest, Retry retry) {
        this.pullRequest = pullRequest;
        this.retry = retry;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** What {@link #publish} did. */
    public enum Outcome {
        /** Opened a new thread with the comment. */
        CREATED,
        /** Replaced the text of the comment an earlier run posted. */
        UPDATED,
        /** Replaced the text of the comment an earlier run posted, and re-activated its thread, which was resolved. */
        REACTIVATED,
        /** Left the comment as it was: an earlier run posted the same text. */
        UNCHANGED
    }

    /**
     * Puts {@code markdown} on the pull request: replaces the comment of an earlier run, or opens a thread.
     *
     * @throws PostingException when Azure DevOps cannot be reached or refuses a request
     */
    public Outcome publish(String markdown) {
        var content = MARKER + "\n" + markdown;
        if (content.length() > MAX_CONTENT) {
            throw new PostingException("the comment has " + content.length()
                    + " characters; Azure DevOps takes at most " + MAX_CONTENT + " (cut it with PreviewReport.markdown(previews, MAX_MARKDOWN, artifact))");
        }
        var threads = pullRequest.threads();
        var earlier = earlierComment(threads);
        if (earlier.isPresent()) {
            var comment = earlier.get();
            if (normalized(comment.content()).equals(normalized(content))) {
                // An identical re-run (a retried job, an unrelated push): nothing to update, and a thread a reviewer
                // resolved stays resolved.
                return Outcome.UNCHANGED;
            }
            send("PATCH", URI.create(threads + "/" + comment.thread() + "/comments/" + comment.id()), "",
                    Map.of("content", content));
            if (comment.resolved()) {
                // The preview changed since a reviewer resolved the thread: back to active, so the branch policy
                // "Check for comment resolution" holds the merge until someone looks again. Pull Request Threads -
                // Update: PATCH .../pullRequests/{pullRequestId}/threads/{threadId}?api-version=7.1 with the
                // thread's new status (learn.microsoft.com, rest/api/azure/devops/git/pull-request-threads/update).
                send("PATCH", URI.create(threads + "/" + comment.thread()), "", Map.of("status", ACTIVE_THREAD));
                return Outcome.REACTIVATED;
            }
            return Outcome.UPDATED;
        }
        send("POST", threads, "", Map.of(
                "comments", List.of(Map.of("parentCommentId", 0, "content", content, "commentType", TEXT_COMMENT)),
                "status", ACTIVE_THREAD,
                "properties", Map.of(
                        THREAD_PROPERTY, Map.of("type", "System.String", "value", THREAD_PROPERTY_VALUE),
                        "Microsoft.TeamFoundation.Discussion.SupportsMarkdown",
                        Map.of("type", "System.Int32", "value", 1))));
        return Outcome.CREATED;
    }

    /** A comment in a thread, its text, and whether the thread is resolved. */
    private record Comment(long thread, long id, String content, boolean resolved) {
    }

    /**
     * Azure DevOps's {@code CommentThreadStatus} values a reviewer resolves a thread with, as listed (names) or
     * written (numbers): fixed (2), wontFix (3), closed (4), byDesign (5). Active (1), pending (6) and unknown (0)
     * are not resolved.
     */
    private static final Set<String> RESOLVED = Set.of("fixed", "wontfix", "closed", "bydesign", "2", "3", "4", "5");

    private static boolean resolved(JsonObject thread) {
        var status = thread.get("status");
        return status != null && status.isJsonPrimitive()
                && RESOLVED.contains(status.getAsString().toLowerCase(java.util.Locale.ROOT));
    }

    /** Text as compared between runs: the service may store line breaks as CRLF. */
    private static String normalized(String text) {
        return text.replace("\r\n", "\n").strip();
    }

    /** The comment of an earlier run, looked for on every page of the pull request's threads. */
    private Optional<Comment> earlierComment(URI threads) {
        var seen = new HashSet<String>();
        String continuation = null;
        for (var page = 1; ; page++) {
            var query = continuation == null ? ""
                    : "&" + CONTINUATION_PARAMETER + "=" + URLEncoder.encode(continuation, StandardCharsets.UTF_8);
            var answer = exchange("GET", threads, query, null);
            var found = earlierComment(json("GET", threads, answer));
            if (found.isPresent()) {
                return found;
            }
            continuation = answer.headers().firstValue(CONTINUATION_HEADER).filter(token -> !token.isBlank())
                    .orElse(null);
            if (continuation == null) {
                return Optional.empty();
            }
            if (!seen.add(continuation) || page >= MAX_PAGES) {
                throw new PostingException("GET " + threads + " kept answering with another page (" + page
                        + " pages, continuation token " + (seen.contains(continuation) ? "repeated" : "still given")
                        + "); the preview comment could not be found.");
            }
        }
    }

    /** The comment of an earlier run on one page: in a thread this tool marked, not deleted, with the marker. */
    private static Optional<Comment> earlierComment(JsonObject threads) {
        for (var thread : objects(threads, "value")) {
            var threadId = positiveId(thread.get("id"));
            if (deleted(thread) || threadId.isEmpty() || !ours(thread)) {
                continue;
            }
            for (var comment : objects(thread, "comments")) {
                var commentId = positiveId(comment.get("id"));
                var content = comment.get("content");
                if (!deleted(comment) && commentId.isPresent() && content != null && content.isJsonPrimitive()
                        && content.getAsString().contains(MARKER)) {
                    return Optional.of(new Comment(threadId.get(), commentId.get(), content.getAsString(),
                            resolved(thread)));
                }
            }
        }
        return Optional.empty();
    }

    /** Whether {@code thread} carries this tool's property (as Azure DevOps returns it, or as it was written). */
    private static boolean ours(JsonObject thread) {
        var properties = thread.get("properties");
        if (properties == null || !properties.isJsonObject()) {
            return false;
        }
        var property = properties.getAsJsonObject().get(THREAD_PROPERTY);
        if (property == null || !property.isJsonObject()) {
            return false;
        }
        var value = property.getAsJsonObject().has("$value") ? property.getAsJsonObject().get("$value")
                : property.getAsJsonObject().get("value");
        return value != null && value.isJsonPrimitive() && THREAD_PROPERTY_VALUE.equals(value.getAsString());
    }

    /** An ID as Azure DevOps gives it: a positive whole number (a string of digits is accepted too). */
    private static Optional<Long> positiveId(JsonElement id) {
        if (id == null || !id.isJsonPrimitive()) {
            return Optional.empty();
        }
        var text = id.getAsJsonPrimitive().isBoolean() ? "" : id.getAsString();
        if (!text.matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        var value = Long.parseLong(text);
        return value > 0 ? Optional.of(value) : Optional.empty();
    }

    private JsonObject send(String method, URI resource, String query, Object body) {
        return json(method, resource, exchange(method, resource, query, body));
    }

    private HttpResponse<String> exchange(String method, URI resource, String query, Object body) {
        var uri = URI.create(resource + "?" + API_VERSION + query);
        var request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + pullRequest.token())
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(gson.toJson(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        var waited = Duration.ZERO;
        for (var attempt = 1; ; attempt++) {
            var response = sendOnce(method, resource, request.build());
            var status = response.statusCode();
            if (!Retry.retryable(status) || attempt >= retry.attempts()) {
                if (Retry.retryable(status) && attempt > 1) {
                    throw new PostingException(method + " " + resource + " failed (HTTP " + status
                            + serverMessage(response) + ") " + attempt + " times; gave up after waiting "
                            + waited.toSeconds() + " s.");
                }
                refused(method, resource, response);
                return response;
            }
            var delay = retry.before(attempt + 1, response.headers().firstValue("Retry-After"));
            if (waited.plus(delay).compareTo(retry.totalWait()) > 0) {
                throw new PostingException(method + " " + resource + " failed (HTTP " + status
                        + serverMessage(response) + "); waiting " + delay.toSeconds() + " s more would exceed "
                        + retry.totalWait().toSeconds() + " s of retries in all.");
            }
            try {
                retry.waiter().sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PostingException(method + " " + resource + " was interrupted");
            }
            waited = waited.plus(delay);
        }
    }

    private HttpResponse<String> sendOnce(String method, URI resource, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new PostingException(method + " " + resource + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PostingException(method + " " + resource + " was interrupted");
        }
    }

    /**
     * Azure DevOps answers a token it does not accept with 401 or 403, or with 203 and a sign-in page, so only a 2xx
     * other than 203 counts as success.
     */
    private void refused(String method, URI resource, HttpResponse<String> response) {
        var status = response.statusCode();
        var request = method + " " + resource;
        if (status == 401 || status == 403 || status == 203) {
            throw new PostingException(request + " was refused (HTTP " + status + serverMessage(response) + "). "
                    + "Check that the step maps SYSTEM_ACCESSTOKEN and that the project's build service may"
                    + " contribute to pull requests in this repository.");
        }
        if (status < 200 || status > 299) {
            throw new PostingException(request + " failed (HTTP " + status + serverMessage(response) + ").");
        }
    }

    /** The JSON object of a successful answer. */
    private static JsonObject json(String method, URI resource, HttpResponse<String> response) {
        try {
            var json = JsonParser.parseString(response.body());
            if (json.isJsonObject()) {
                return json.getAsJsonObject();
            }
        } catch (JsonParseException e) {
            // Reported below with the rest of the unexpected answers.
        }
        throw new PostingException(method + " " + resource + " answered HTTP " + response.statusCode()
                + " without a JSON object.");
    }

    /** Azure DevOps's own explanation ({@code message} of its error JSON), if it gave one. */
    private String serverMessage(HttpResponse<String> response) {
        try {
            var json = JsonParser.parseString(response.body());
            var message = json.isJsonObject() ? json.getAsJsonObject().get("message") : null;
            if (message != null && message.isJsonPrimitive()) {
                // Defence in depth: whatever the server echoes, the token is not repeated.
                return ": " + message.getAsString().replace(pullRequest.token(), ShownValues.SECRET);
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
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean()
                && value.getAsBoolean();
    }
}
