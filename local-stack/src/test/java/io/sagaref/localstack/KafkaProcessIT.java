package io.sagaref.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The broker as its own process: formatted once, and what it acknowledged survives a
 * graceful stop and a crash, on the same port.
 */
class KafkaProcessIT {

	@TempDir
	Path directory;

	private KafkaSettings settings() {
		List<Integer> ports = Ports.free(2);
		return KafkaSettings.of(this.directory.resolve("kafka"), this.directory.resolve("kafka.log"), ports.get(0),
				ports.get(1), 2);
	}

	private static boolean listening(int port) {
		try (var socket = new Socket("localhost", port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Test
	void keepsWhatItAcknowledgedAcrossAGracefulStopAndACrashOnTheSamePort() throws Exception {
		var settings = settings();
		var kafka = new KafkaProcess(settings);
		try (kafka) {
			kafka.start();
			String bootstrap = kafka.bootstrapServers();
			assertThat(bootstrap).isEqualTo("localhost:" + settings.port());
			Path meta = settings.directory().resolve("data/meta.properties");
			String formatted = Files.readString(meta);
			KafkaClients.sendAndAwaitAck(bootstrap, "kept", "before-stop");
			assertThat(KafkaClients.readAll(bootstrap, "kept")).containsExactly("before-stop");

			kafka.stop();
			assertThat(kafka.isRunning()).isFalse();
			assertThat(listening(settings.port())).isFalse();
			kafka.start();
			assertThat(kafka.bootstrapServers()).isEqualTo(bootstrap);
			assertThat(KafkaClients.readAll(bootstrap, "kept")).containsExactly("before-stop");
			KafkaClients.sendAndAwaitAck(bootstrap, "kept", "before-kill");

			kafka.kill();
			assertThat(listening(settings.port())).isFalse();
			kafka.start();
			assertThat(KafkaClients.readAll(bootstrap, "kept")).containsExactlyInAnyOrder("before-stop", "before-kill");
			assertThat(Files.readString(meta)).as("formatted only once").isEqualTo(formatted);
			assertThat(Files.readString(settings.logFile())).contains("Formatting metadata directory")
				.contains("Kafka Server started");
		}
		assertThat(kafka.isRunning()).isFalse();
		assertThatThrownBy(kafka::start).as("closed for good").isInstanceOf(IllegalStateException.class);
	}

	@Test
	void aBrokerThatCannotStartFailsWithItsLastLogLines() throws IOException {
		var settings = settings();
		try (var taken = new ServerSocket()) {
			taken.bind(new InetSocketAddress("localhost", settings.port()));
			var kafka = new KafkaProcess(settings);
			assertThatThrownBy(kafka::start).isInstanceOf(LocalStackException.class)
				.hasMessageStartingWith("Kafka exited before it was ready")
				.hasMessageContaining(String.valueOf(settings.port()));
			assertThat(kafka.isRunning()).isFalse();
		}
	}

}
