package io.platforminfra.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A local HTTPS server standing in for the Azure DevOps REST API of one pull request. It keeps the pull request's
 * threads like the service does: lists them (a page at a time with a continuation token, when asked to), opens new
 * ones, updates comments, returns thread properties as {@code {"$type", "$value"}}, and records every request.
 *
 * <p>The token must only ever travel over TLS, so the server has a certificate of its own, made once per test run
 * with the JDK's keytool for 127.0.0.1. While a server is open, the JVM's default TLS context trusts that certificate
 * (as a machine trusts a private CA through its trust store), so the code under test runs unchanged.
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
    /** The identity the pipeline's token belongs to: the project's build service. */
    static final String BUILD_SERVICE_ID = "8c3f2a7e-0b1d-4e5f-9a6b-7c8d9e0f1a2b";

    private static final Pattern THREAD = Pattern.compile(Pattern.quote(THREADS) + "/(\\d+)");
    private static final String[] STATUS_NAMES = {"unknown", "active", "fixed", "wontFix", "closed", "byDesign",
        "pending"};
    private static final Pattern COMMENT = Pattern.compile(Pattern.quote(THREADS) + "/(\\d+)/comments/(\\d+)");
    private static final String PASSWORD = "fake-azure-devops";
    private static KeyStore keyStore;

    /** One request as the server saw it. */
    record Request(String method, String path, String query, String authorization, String contentType,
                   String body) {
        /** The body as JSON. */
        JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }

        /** The query parameters, decoded. */
        Map<String, String> parameters() {
            var parameters = new LinkedHashMap<String, String>();
            if (query != null) {
                for (var pair : query.split("&")) {
                    var equals = pair.indexOf('=');
                    parameters.put(URLDecoder.decode(pair.substring(0, Math.max(equals, 0)), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
            return parameters;
        }
    }

    private final HttpsServer server;
    private final SSLContext previousDefault;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final JsonArray threads;
    private final int status;
    private int pageSize = Integer.MAX_VALUE;
    private int failuresLeft;
    private int failureStatus;
    private String retryAfter;
    private boolean endlessPages;

    private FakeAzureDevOps(JsonArray threads, int status) throws IOException {
        this.threads = threads;
        this.status = status;
        try {
            var keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore(), PASSWORD.toCharArray());
            var serverContext = SSLContext.getInstance("TLS");
            serverContext.init(keys.getKeyManagers(), null, null);
            var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(keyStore());
            var clientContext = SSLContext.getInstance("TLS");
            clientContext.init(null, trust.getTrustManagers(), null);
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
            previousDefault = SSLContext.getDefault();
            SSLContext.setDefault(clientContext);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS for the stand-in server", e);
        }
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

    /** Lists at most {@code size} threads per answer, with a continuation token while more follow. */
    FakeAzureDevOps pagesOf(int size) {
        this.pageSize = size;
        return this;
    }

    /**
     * Answers the next {@code times} requests with {@code status} (429 or a 5xx, say) and, unless null, the header
     * {@code Retry-After: retryAfter}; then as usual.
     */
    FakeAzureDevOps failingFirst(int times, int status, String retryAfter) {
        this.failuresLeft = times;
        this.failureStatus = status;
        this.retryAfter = retryAfter;
        return this;
    }

    /** Answers every list with the same continuation token, forever. */
    FakeAzureDevOps endlessPages() {
        this.endlessPages = true;
        return this;
    }

    /** The variables an Azure Pipelines job of this pull request has, with the token mapped into the step. */
    Map<String, String> pipelineEnvironment() {
        return Map.of(
                "SYSTEM_COLLECTIONURI", "https://127.0.0.1:" + server.getAddress().getPort() + "/contoso/",
                "SYSTEM_TEAMPROJECTID", PROJECT,
                "SYSTEM_TEAMPROJECT", "Platform",
                "BUILD_REPOSITORY_ID", REPOSITORY,
                "SYSTEM_PULLREQUEST_PULLREQUESTID", String.valueOf(PULL_REQUEST),
                "SYSTEM_ACCESSTOKEN", TOKEN);
    }

    /** Runs {@code report <arguments> --post} as a pipeline job of this pull request would, against this stand-in. */
    CommandLineRun postReport(String... arguments) {
        var command = new ArrayList<String>(List.of("report"));
        command.addAll(List.of(arguments));
        command.add("--post");
        return CommandLineRun.inEnvironment(pipelineEnvironment(), command.toArray(String[]::new));
    }

    /** The text of the first comment of {@code thread} (a stored thread or a request's body): the one it opens with. */
    static String firstComment(JsonElement thread) {
        return thread.getAsJsonObject().getAsJsonArray("comments").get(0).getAsJsonObject().get("content")
                .getAsString();
    }

    /** Sets the status of thread {@code threadId} as a reviewer does in the web UI ({@code "fixed"}, say). */
    synchronized void setStatus(long threadId, String status) {
        thread(threadId).addProperty("status", status);
    }

    /** Every request, in order. */
    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The pull request's threads now, as stored. */
    synchronized JsonArray threads() {
        return threads.deepCopy();
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var method = exchange.getRequestMethod();
        var path = exchange.getRequestURI().getRawPath();
        var request = new Request(method, path, exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"), body);
        requests.add(request);
        if (failuresLeft > 0) {
            failuresLeft--;
            if (retryAfter != null) {
                exchange.getResponseHeaders().add("Retry-After", retryAfter);
            }
            respond(exchange, failureStatus, "{\"message\":\"TF400733: The request has been throttled.\"}");
            return;
        }
        if (status != 200) {
            respond(exchange, status, "{\"$id\":\"1\",\"innerException\":null,\"message\":\"TF400813: The user is"
                    + " not authorized to access this resource.\",\"typeName\":\"Microsoft.TeamFoundation.Framework"
                    + ".Server.UnauthorizedRequestException\",\"errorCode\":0}");
            return;
        }
        var comment = COMMENT.matcher(path);
        if (method.equals("GET") && path.equals(THREADS)) {
            list(exchange, request.parameters().get("continuationToken"));
        } else if (method.equals("POST") && path.equals(THREADS)) {
            var thread = JsonParser.parseString(body).getAsJsonObject();
            thread.addProperty("id", 100 + threads.size());
            var first = thread.getAsJsonArray("comments").get(0).getAsJsonObject();
            first.addProperty("id", 1);
            var author = new JsonObject();
            author.addProperty("displayName", "Platform Build Service (contoso)");
            author.addProperty("id", BUILD_SERVICE_ID);
            first.add("author", author);
            threads.add(thread);
            respond(exchange, 200, asListed(thread).toString());
        } else if (method.equals("PATCH") && THREAD.matcher(path).matches()) {
            var thread = thread(Long.parseLong(path.substring(THREADS.length() + 1)));
            JsonParser.parseString(body).getAsJsonObject().entrySet()
                    .forEach(entry -> thread.add(entry.getKey(), entry.getValue()));
            respond(exchange, 200, asListed(thread).toString());
        } else if (method.equals("PATCH") && comment.matches()) {
            var updated = find(Long.parseLong(comment.group(1)), Long.parseLong(comment.group(2)));
            updated.addProperty("content", JsonParser.parseString(body).getAsJsonObject().get("content").getAsString());
            respond(exchange, 200, updated.toString());
        } else {
            respond(exchange, 404, "{\"message\":\"no such resource\"}");
        }
    }

    /** One page of threads from {@code token} (the index of its first thread) on. */
    private void list(HttpExchange exchange, String token) throws IOException {
        var from = token == null ? 0 : Integer.parseInt(token);
        var page = new JsonArray();
        for (var i = from; i < threads.size() && i < from + (long) pageSize; i++) {
            page.add(asListed(threads.get(i)));
        }
        var next = from + page.size();
        if (endlessPages) {
            exchange.getResponseHeaders().add("x-ms-continuationtoken", "0");
        } else if (next < threads.size()) {
            exchange.getResponseHeaders().add("x-ms-continuationtoken", String.valueOf(next));
        }
        var list = new JsonObject();
        list.add("value", page);
        list.addProperty("count", page.size());
        respond(exchange, 200, list.toString());
    }

    /**
     * A thread as the service returns it: properties written as {@code {type, value}} read as {@code $type}, and a
     * status written as a number read as its name.
     */
    private static JsonElement asListed(JsonElement stored) {
        var thread = stored.deepCopy();
        if (thread.isJsonObject() && thread.getAsJsonObject().get("status") instanceof com.google.gson.JsonPrimitive
                status && status.isNumber() && status.getAsInt() >= 0 && status.getAsInt() < STATUS_NAMES.length) {
            thread.getAsJsonObject().addProperty("status", STATUS_NAMES[status.getAsInt()]);
        }
        if (thread.isJsonObject() && thread.getAsJsonObject().get("properties") instanceof JsonObject properties) {
            var listed = new JsonObject();
            properties.entrySet().forEach(entry -> {
                if (entry.getValue() instanceof JsonObject property && property.has("type")) {
                    var value = new JsonObject();
                    value.add("$type", property.get("type"));
                    value.add("$value", property.get("value"));
                    listed.add(entry.getKey(), value);
                } else {
                    listed.add(entry.getKey(), entry.getValue());
                }
            });
            thread.getAsJsonObject().add("properties", listed);
        }
        return thread;
    }

    /** The stored thread {@code threadId}. */
    private JsonObject thread(long threadId) {
        for (var thread : threads) {
            var id = thread.isJsonObject() ? thread.getAsJsonObject().get("id") : null;
            if (id != null && id.isJsonPrimitive() && id.getAsString().equals(String.valueOf(threadId))) {
                return thread.getAsJsonObject();
            }
        }
        throw new IllegalArgumentException("no thread " + threadId);
    }

    private JsonObject find(long threadId, long commentId) {
        for (var thread : threads) {
            var id = thread.isJsonObject() ? thread.getAsJsonObject().get("id") : null;
            if (id != null && id.isJsonPrimitive() && id.getAsJsonPrimitive().isNumber()
                    && id.getAsString().equals(String.valueOf(threadId))) {
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
        SSLContext.setDefault(previousDefault);
    }

    /** A key pair and self-signed certificate for 127.0.0.1, made once with the JDK's keytool. */
    private static synchronized KeyStore keyStore() throws IOException, GeneralSecurityException {
        if (keyStore == null) {
            var directory = Files.createTempDirectory("fake-azure-devops");
            var file = directory.resolve("server.p12");
            var keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            var process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC",
                    "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
                    "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                    .redirectErrorStream(true).start();
            try {
                var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new IOException("keytool failed: " + output);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while keytool ran", e);
            }
            var store = KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(file)) {
                store.load(in, PASSWORD.toCharArray());
            }
            Files.delete(file);
            Files.delete(directory);
            keyStore = store;
        }
        return keyStore;
    }
}
