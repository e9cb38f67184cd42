package io.sagaref.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds free TCP ports and tells whether a fixed one is taken, so the stack fails with a
 * clear message instead of a service dying on "address already in use".
 */
public final class Ports {

	private Ports() {
	}

	/**
	 * @param count how many ports
	 * @return that many distinct ports that were free a moment ago (all held open at
	 * once, then released)
	 */
	public static List<Integer> free(int count) {
		var sockets = new ArrayList<ServerSocket>();
		try {
			for (int i = 0; i < count; i++) {
				var socket = new ServerSocket();
				sockets.add(socket);
				socket.bind(new InetSocketAddress(0));
			}
			return sockets.stream().map(ServerSocket::getLocalPort).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not find free ports", ex);
		}
		finally {
			sockets.forEach(Ports::closeQuietly);
		}
	}

	/**
	 * @param port a TCP port
	 * @return whether a server could listen on it on every interface now
	 */
	public static boolean isFree(int port) {
		try (var socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void closeQuietly(ServerSocket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// the port is released either way
		}
	}

}
