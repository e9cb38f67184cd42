# syntax=docker/dockerfile:1
# One image per service, chosen by MODULE (docker-compose.yml builds all six):
#   docker build --build-arg MODULE=order-service -t saga-reference/order-service .
ARG MODULE=order-service

# Build: the module and the modules it depends on, with the Maven wrapper (the Maven
# repository is a BuildKit cache shared by the six builds).
FROM eclipse-temurin:21-jdk AS build
ARG MODULE
WORKDIR /workspace
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -pl "${MODULE}" -am package -DskipTests -Dspring-javaformat.validate.skip=true \
    && cp "${MODULE}"/target/"${MODULE}"-*-exec.jar /workspace/app.jar

# Run: a JRE, curl for the health checks, and a user without privileges.
FROM eclipse-temurin:21-jre
RUN (command -v curl > /dev/null \
        || (apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*)) \
    && groupadd --system --gid 10001 saga \
    && useradd --system --uid 10001 --gid saga --home-dir /app --shell /usr/sbin/nologin saga
WORKDIR /app
COPY --from=build /workspace/app.jar /app/app.jar
USER 10001:10001
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080-8085
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
