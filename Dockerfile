# The app image used by docker-compose.yml for the engine, worker and gateway services.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY stack/package.json stack/
COPY engine/package.json engine/
COPY workers/package.json workers/
COPY connectors/discord/package.json connectors/discord/
COPY connectors/discord-sandbox/package.json connectors/discord-sandbox/
COPY connectors/http/package.json connectors/http/
COPY connectors/stripe/package.json connectors/stripe/
COPY workflows/package.json workflows/
COPY server/package.json server/
COPY builder-ui/package.json builder-ui/
RUN npm ci --no-audit --no-fund
COPY . .
# The builder UI the engine serves (npm start builds it the same way when stale).
RUN npm run build -w builder-ui
ENV NODE_ENV=production PORT=3000
EXPOSE 3000
CMD ["node", "--import", "tsx", "server/src/api-main.ts"]
