package cn.ruralfund.acceptance.storage;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/** An S3-compatible server for tests: {@code S3_ENDPOINT} if given (e.g. MinIO), else {@code moto_server} on a free port. */
public record S3Server(String endpoint, String accessKey, String secretKey, boolean checksSignatures) {

    private static S3Server started;

    /** Whether a server can be had here (for @EnabledIf). */
    public static boolean available() {
        String given = System.getenv("S3_ENDPOINT");
        return (given != null && !given.isBlank()) || which("moto_server") != null;
    }

    public static synchronized S3Server start() {
        if (started != null) {
            return started;
        }
        String given = System.getenv("S3_ENDPOINT");
        if (given != null && !given.isBlank()) {
            started = new S3Server(given, System.getenv("S3_ACCESS_KEY"), System.getenv("S3_SECRET_KEY"), true);
            return started;
        }
        String moto = which("moto_server");
        Assumptions.assumeTrue(moto != null, "no S3-compatible server: set S3_ENDPOINT or install moto[server]");
        try {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Path log = Files.createTempFile("moto", ".log");
            // moto checks SigV4 signatures once IAM authentication is on: the first three IAM calls (unsigned) create
            // the user, its S3 policy and its access key, after which every request must be signed with that key
            ProcessBuilder builder = new ProcessBuilder(moto, "-H", "127.0.0.1", "-p", String.valueOf(port))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("INITIAL_NO_AUTH_ACTION_COUNT", "3");
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (true) {
                try (Socket ignored = new Socket("127.0.0.1", port)) {
                    break;
                } catch (Exception notYet) {
                    if (System.nanoTime() > deadline || !process.isAlive()) {
                        throw new IllegalStateException("moto_server did not start: " + Files.readString(log));
                    }
                    Thread.sleep(200);
                }
            }
            String endpoint = "http://127.0.0.1:" + port;
            iam(endpoint, "Action=CreateUser&UserName=acceptance");
            iam(endpoint, "Action=PutUserPolicy&UserName=acceptance&PolicyName=s3&PolicyDocument="
                    + java.net.URLEncoder.encode("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}",
                    java.nio.charset.StandardCharsets.UTF_8));
            String key = iam(endpoint, "Action=CreateAccessKey&UserName=acceptance");
            started = new S3Server(endpoint, between(key, "<AccessKeyId>", "<"), between(key, "<SecretAccessKey>", "<"), true);
            return started;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String iam(String endpoint, String form) throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(endpoint + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=bootstrap/20240101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=none")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form + "&Version=2010-05-08")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("moto IAM " + form + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }

    private static String which(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File f = new File(dir, program);
            if (f.canExecute()) {
                return f.getAbsolutePath();
            }
        }
        return null;
    }
}
