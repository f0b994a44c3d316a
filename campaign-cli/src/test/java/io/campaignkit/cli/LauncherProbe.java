package io.campaignkit.cli;

/**
 * Stands in for the program in {@link LauncherScriptTest}: prints its working directory and each
 * argument on its own line, then exits with the code named by an argument {@code exit=N}.
 */
public final class LauncherProbe {

    private LauncherProbe() {}

    public static void main(String[] args) {
        System.out.println("cwd=" + System.getProperty("user.dir"));
        int exitCode = 0;
        for (String arg : args) {
            System.out.println("arg=" + arg);
            if (arg.startsWith("exit=")) {
                exitCode = Integer.parseInt(arg.substring("exit=".length()));
            }
        }
        System.exit(exitCode);
    }
}
