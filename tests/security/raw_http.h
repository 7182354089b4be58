// Raw HTTP/1.1 over loopback sockets, for the security tests: what a hostile client
// sends (slow headers, floods, lying lengths) cannot be said with an HTTP library.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <string>
#include <string_view>

namespace archive::test {

// A connected TCP socket to 127.0.0.1:port from `source` (any loopback address, so that a
// proxy's per-address limits tell the test's clients apart), or -1.
inline int ConnectLoopback(int port, const char* source = "127.0.0.1", int timeout_s = 10) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  timeval timeout{timeout_s, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof(timeout));
  sockaddr_in from{};
  from.sin_family = AF_INET;
  ::inet_pton(AF_INET, source, &from.sin_addr);
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(static_cast<uint16_t>(port));
  ::inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&from), sizeof(from)) != 0 ||
      ::connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof(to)) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

inline bool SendAll(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t sent = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (sent <= 0) return false;
    data.remove_prefix(static_cast<size_t>(sent));
  }
  return true;
}

struct RawResponse {
  int status = 0;  // 0: no status line came back
  std::string head;
  std::string body;
};

// Reads until the peer closes (the requests say "Connection: close") or the timeout.
inline RawResponse ReadResponse(int fd) {
  std::string all;
  char buffer[16384];
  for (;;) {
    const ssize_t got = ::recv(fd, buffer, sizeof(buffer), 0);
    if (got <= 0) break;
    all.append(buffer, static_cast<size_t>(got));
    if (all.size() > (64u << 20)) break;
  }
  RawResponse response;
  if (all.starts_with("HTTP/1.") && all.size() >= 12) response.status = std::stoi(all.substr(9, 3));
  const size_t end = all.find("\r\n\r\n");
  response.head = all.substr(0, end);
  if (end != std::string::npos) response.body = all.substr(end + 4);
  return response;
}

// One request on a fresh connection: connect, send, read to the end.
inline RawResponse Exchange(int port, std::string_view request, const char* source = "127.0.0.1") {
  const int fd = ConnectLoopback(port, source);
  if (fd < 0) return {};
  RawResponse response;
  if (SendAll(fd, request)) response = ReadResponse(fd);
  ::close(fd);
  return response;
}

// A free loopback port (bound, read, released: a child may take it at once).
inline int FreePort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  ::inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address));
  socklen_t size = sizeof(address);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
  ::close(fd);
  return ntohs(address.sin_port);
}

}  // namespace archive::test
