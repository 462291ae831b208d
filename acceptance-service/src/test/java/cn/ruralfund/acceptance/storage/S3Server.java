package cn.ruralfund.acceptance.storage;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/** An S3-compatible server for tests: {@code S3_ENDPOINT} if given (e.g. MinIO), else {@code moto_server} on a free port. */
record S3Server(String endpoint, String accessKey, String secretKey, boolean checksSignatures) {

    private static S3Server started;

    static synchronized S3Server start() {
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
            Process process = new ProcessBuilder(moto, "-H", "127.0.0.1", "-p", String.valueOf(port))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
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
            started = new S3Server("http://127.0.0.1:" + port, "test-access-key", "test-secret-key", false);
            return started;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
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
