# syntax=docker/dockerfile:1
# Multi-stage: the build stage has the dev dependencies (vite builds the web app, the word vectors
# are packed); the runtime stage has production dependencies only and runs as a non-root user.
# Written and linted here; this machine has no container daemon, so it has not been built (README).

ARG NODE_VERSION=22

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# postinstall needs the sources it builds from.
COPY scripts ./scripts
COPY src ./src
COPY data ./data
COPY vite.config.ts tsconfig.json ./
RUN npm ci --no-audit --no-fund \
 && node --import tsx scripts/build-web.ts --force \
 && npm prune --omit=dev --ignore-scripts

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/var/lib/instainstru \
    WEB_DIR=/app/dist/web
WORKDIR /app
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/var/build ./var/build
COPY --chown=node:node package.json ./
COPY --chown=node:node src ./src
COPY --chown=node:node data ./data
RUN mkdir -p /var/lib/instainstru && chown node:node /var/lib/instainstru
USER node
EXPOSE 3000
# /ready: database reachable and migrations applied (a ROLE=worker process serves no HTTP:
# compose overrides this check for it).
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# SIGTERM reaches node directly (exec form): it closes the server and drains before exiting.
CMD ["node", "--import", "tsx", "src/server/main.ts"]
