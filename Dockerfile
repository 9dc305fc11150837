# syntax=docker/dockerfile:1
# Multi-stage. build: every dependency, `npm run build` compiles the server to dist/server, packs
# the word vectors into var/build and builds the web app into dist/web. deps: production
# dependencies only (`npm ci --omit=dev`; postinstall sees no dev dependencies and skips its
# builds). runtime: those two results, run by plain node as a non-root user — no tsx, no vite.
# Written here and proven without a container by scripts/check-prod-install.sh (the same steps);
# this machine has no container daemon, so the image itself has not been built (README, Deploy).

ARG NODE_VERSION=26

FROM node:${NODE_VERSION}-slim AS build
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund && npm run build

FROM node:${NODE_VERSION}-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/postinstall.mjs ./scripts/
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:${NODE_VERSION}-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/var/lib/instainstru
WORKDIR /app
COPY --chown=node:node package.json ./
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/var/build ./var/build
COPY --chown=node:node data ./data
RUN mkdir -p /var/lib/instainstru && chown node:node /var/lib/instainstru
USER node
EXPOSE 3000
# /ready: database reachable and migrations applied (a ROLE=worker process serves no HTTP:
# compose overrides this check for it).
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Exec form: SIGTERM reaches node itself, which stops accepting, drains and exits (SHUTDOWN_GRACE_MS).
CMD ["node", "dist/server/main.js"]
