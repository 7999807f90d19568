# Tern: build with the Maven wrapper on a JDK 21, run on a JRE 21 as a non-root user.
#   docker build -t tern .
#   docker run -d --name tern -v tern-data:/data -v "$PWD/config/tern.yml:/config/tern.yml:ro" \
#     -e DISCORD_TOKEN -e TERN_HTTP_PASSWORD -p 127.0.0.1:8080:8080 tern
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp -q dependency:go-offline || true
COPY src/ src/
RUN ./mvnw -B -ntp package -DskipTests

FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 --user-group --home-dir /app --shell /usr/sbin/nologin tern \
    && mkdir -p /app /data /config \
    && chown tern:tern /data
WORKDIR /app
COPY --from=build /src/target/tern.jar /app/tern.jar
COPY config/tern.yml /config/tern.yml
USER tern
# The H2 database lives here; the shipped config reads TERN_DB_URL. AUTO_SERVER=TRUE lets admin commands run beside
# the bot: docker exec tern java -jar /app/tern.jar sources -c /config/tern.yml
VOLUME ["/data"]
ENV TERN_DB_URL="jdbc:h2:file:/data/tern;AUTO_SERVER=TRUE"
# The status server (health checks, metrics, status page) listens on every interface of the container; publish
# the port only where it should be seen, and set TERN_HTTP_PASSWORD for anything beyond this machine.
ENV TERN_HTTP_BIND=0.0.0.0
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/tern.jar"]
CMD ["run", "-c", "/config/tern.yml"]
