package io.platforminfra.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * A local HTTP server standing in for the Azure DevOps REST API of one pull request. It keeps the pull request's
 * threads like the service does: lists them, opens new ones and updates comments, and records every request.
 */
final class FakeAzureDevOps implements AutoCloseable {
    /** The pipeline's token in the tests: whatever is printed must never contain it. */
    static final String TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.pipeline-job-token";
    static final String PROJECT = "6ce954b1-ce1f-45d1-b94d-e6bf2464ba2c";
    static final String REPOSITORY = "f3a2b1c0-9d8e-4f7a-8b6c-5d4e3f2a1b0c";
    static final int PULL_REQUEST = 42;
    /** The path of the pull request's thread resources. */
    static final String THREADS = "/contoso/" + PROJECT + "/_apis/git/repositories/" + REPOSITORY + "/pullRequests/"
            + PULL_REQUEST + "/threads";

    private static final Pattern COMMENT = Pattern.compile(Pattern.quote(THREADS) + "/(\\d+)/comments/(\\d+)");

    /** One request as the server saw it. */
    record Request(String method, String path, String query, String authorization, String contentType,
                   String body) {
        /** The body as JSON. */
        JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final JsonArray threads;
    private final int status;

    private FakeAzureDevOps(JsonArray threads, int status) throws IOException {
        this.threads = threads;
        this.status = status;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A pull request with the threads {@code threadsJson}, a JSON array as the API lists them. */
    static FakeAzureDevOps withThreads(String threadsJson) throws IOException {
        return new FakeAzureDevOps(JsonParser.parseString(threadsJson).getAsJsonArray(), 200);
    }

    /** A server that answers every request with {@code status} and Azure DevOps's error document. */
    static FakeAzureDevOps answering(int status) throws IOException {
        return new FakeAzureDevOps(new JsonArray(), status);
    }

    /** The variables an Azure Pipelines job of this pull request has, with the token mapped into the step. */
    Map<String, String> pipelineEnvironment() {
        return Map.of(
                "SYSTEM_COLLECTIONURI", "http://127.0.0.1:" + server.getAddress().getPort() + "/contoso/",
                "SYSTEM_TEAMPROJECTID", PROJECT,
                "SYSTEM_TEAMPROJECT", "Platform",
                "BUILD_REPOSITORY_ID", REPOSITORY,
                "SYSTEM_PULLREQUEST_PULLREQUESTID", String.valueOf(PULL_REQUEST),
                "SYSTEM_ACCESSTOKEN", TOKEN);
    }

    /** Every request, in order. */
    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The pull request's threads now. */
    synchronized JsonArray threads() {
        return threads.deepCopy();
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var method = exchange.getRequestMethod();
        var path = exchange.getRequestURI().getRawPath();
        requests.add(new Request(method, path, exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"), body));
        if (status != 200) {
            respond(exchange, status, "{\"$id\":\"1\",\"innerException\":null,\"message\":\"TF400813: The user is"
                    + " not authorized to access this resource.\",\"typeName\":\"Microsoft.TeamFoundation.Framework"
                    + ".Server.UnauthorizedRequestException\",\"errorCode\":0}");
            return;
        }
        var comment = COMMENT.matcher(path);
        if (method.equals("GET") && path.equals(THREADS)) {
            var list = new JsonObject();
            list.add("value", threads);
            list.addProperty("count", threads.size());
            respond(exchange, 200, list.toString());
        } else if (method.equals("POST") && path.equals(THREADS)) {
            var thread = JsonParser.parseString(body).getAsJsonObject();
            thread.addProperty("id", 100 + threads.size());
            thread.getAsJsonArray("comments").get(0).getAsJsonObject().addProperty("id", 1);
            threads.add(thread);
            respond(exchange, 200, thread.toString());
        } else if (method.equals("PATCH") && comment.matches()) {
            var updated = find(Long.parseLong(comment.group(1)), Long.parseLong(comment.group(2)));
            updated.addProperty("content", JsonParser.parseString(body).getAsJsonObject().get("content").getAsString());
            respond(exchange, 200, updated.toString());
        } else {
            respond(exchange, 404, "{\"message\":\"no such resource\"}");
        }
    }

    private JsonObject find(long threadId, long commentId) {
        for (var thread : threads) {
            if (thread.getAsJsonObject().get("id").getAsLong() == threadId) {
                for (var comment : thread.getAsJsonObject().getAsJsonArray("comments")) {
                    if (comment.getAsJsonObject().get("id").getAsLong() == commentId) {
                        return comment.getAsJsonObject();
                    }
                }
            }
        }
        throw new IllegalArgumentException("no comment " + commentId + " in thread " + threadId);
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        var bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
