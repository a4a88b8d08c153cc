package io.platforminfra.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Azure DevOps pull request a pipeline run builds, and the token to comment on it with, from the variables
 * Azure Pipelines sets for every job.
 *
 * @param collection the organization or collection URL, ending in {@code /}, such as
 *                   {@code https://dev.azure.com/contoso/}; always {@code https}
 * @param project    the project ID (or name)
 * @param repository the repository ID
 * @param id         the pull request number
 * @param token      the job's access token; never printed, not even by {@link #toString()}
 */
public record PullRequest(URI collection, String project, String repository, int id, String token) {
    /** The organization or collection URL. */
    public static final String COLLECTION_URI = "SYSTEM_COLLECTIONURI";
    /** The project's ID; preferred to its name, which may need escaping and can be renamed. */
    public static final String PROJECT_ID = "SYSTEM_TEAMPROJECTID";
    /** The project's name, used when there is no ID. */
    public static final String PROJECT_NAME = "SYSTEM_TEAMPROJECT";
    /** The repository's ID. */
    public static final String REPOSITORY_ID = "BUILD_REPOSITORY_ID";
    /** The pull request number; set only in pull request builds. */
    public static final String PULL_REQUEST_ID = "SYSTEM_PULLREQUEST_PULLREQUESTID";
    /** The job's token; a pipeline hands it to a script only when the step maps it explicitly. */
    public static final String ACCESS_TOKEN = "SYSTEM_ACCESSTOKEN";

    /**
     * The pull request of the current pipeline run.
     *
     * @throws PipelineEnvironmentException naming every variable that is missing or wrong
     */
    public static PullRequest fromEnvironment(Map<String, String> environment) {
        var problems = new ArrayList<String>();
        var collection = value(environment, COLLECTION_URI, problems);
        var project = environment.getOrDefault(PROJECT_ID, "").isBlank()
                ? environment.getOrDefault(PROJECT_NAME, "").trim() : environment.get(PROJECT_ID).trim();
        if (project.isEmpty()) {
            problems.add(PROJECT_ID + " (or " + PROJECT_NAME + ") is not set");
        }
        var repository = value(environment, REPOSITORY_ID, problems);
        var pullRequest = value(environment, PULL_REQUEST_ID, problems);
        var token = value(environment, ACCESS_TOKEN, problems);
        if (!collection.isEmpty()) {
            collectionProblem(collection).ifPresent(problems::add);
        }
        if (!pullRequest.isEmpty() && !pullRequest.matches("\\d{1,9}")) {
            problems.add(PULL_REQUEST_ID + " is not a pull request number (value: " + pullRequest + ")");
        }
        if (!problems.isEmpty()) {
            throw new PipelineEnvironmentException("Cannot post the preview comment: " + String.join("; ", problems)
                    + ". Run --post in a pull request build and map the token into the step's environment"
                    + " (env: SYSTEM_ACCESSTOKEN: $(System.AccessToken)).");
        }
        return new PullRequest(URI.create(collection.endsWith("/") ? collection : collection + "/"), project,
                repository, Integer.parseInt(pullRequest), token);
    }

    /**
     * Why {@code collection} is not a URL the job's token may be sent to: it must be {@code https} (the token would
     * otherwise cross the network in clear text), with a host, and without user information, query or fragment. The
     * value is echoed without any user information it holds, which could be a credential.
     */
    private static Optional<String> collectionProblem(String collection) {
        URI uri;
        try {
            uri = new URI(collection);
        } catch (URISyntaxException e) {
            return Optional.of(COLLECTION_URI + " is not a URL (" + e.getReason() + ")");
        }
        var shown = uri.getRawUserInfo() == null ? collection : collection.replace(uri.getRawUserInfo() + "@", "");
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            return Optional.of(COLLECTION_URI + " must be an https:// URL, since the job's token is sent to it (value: "
                    + shown + ")");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of(COLLECTION_URI + " has no host (value: " + shown + ")");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.of(COLLECTION_URI + " must be the organization or collection URL alone, without user,"
                    + " query or fragment (value: " + shown + ")");
        }
        return Optional.empty();
    }

    /** The REST resource of the pull request's comment threads, without query. */
    URI threads() {
        return collection.resolve(segment(project) + "/_apis/git/repositories/" + segment(repository)
                + "/pullRequests/" + id + "/threads");
    }

    /** Everything but the token. */
    @Override
    public String toString() {
        return "pull request " + id + " of repository " + repository + " in " + collection + project;
    }

    private static String value(Map<String, String> environment, String name, List<String> problems) {
        var value = environment.get(name);
        if (value == null || value.isBlank()) {
            problems.add(name + " is not set");
            return "";
        }
        return value.trim();
    }

    /** A path segment: project names may hold spaces, and URLEncoder writes those as {@code +}, not {@code %20}. */
    private static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
