package io.sagaref.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Lays out a repository whose {@code <module>/target/<module>-0.1.0-SNAPSHOT-exec.jar}
 * are runnable {@link FakeService} jars, so the launcher's real process handling can be
 * tested without building the real services.
 */
public final class FakeServiceJars {

	private FakeServiceJars() {
	}

	public static Path repository(Path root, String... services) throws IOException {
		for (String service : services) {
			Path target = Files.createDirectories(root.resolve(service).resolve("target"));
			write(target.resolve(service + "-0.1.0-SNAPSHOT-exec.jar"));
		}
		return root;
	}

	static void write(Path jar) throws IOException {
		var manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
		String entry = FakeService.class.getName().replace('.', '/') + ".class";
		try (var out = new JarOutputStream(Files.newOutputStream(jar), manifest);
				InputStream in = FakeService.class.getClassLoader().getResourceAsStream(entry)) {
			out.putNextEntry(new JarEntry(entry));
			in.transferTo(out);
			out.closeEntry();
		}
	}

}
