# Multi-arch image of the kiosk server (arm64 first, amd64 too):
#   docker buildx build --platform linux/arm64,linux/amd64 -t jia-kiosk .
#   docker run -p 8080:8080 -v kiosk-data:/data jia-kiosk
# Both stages run on the target platform so better-sqlite3 is built (or fetched) for it.

FROM node:22-slim AS build
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .puppeteerrc.cjs ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY edge-server ./edge-server
COPY hardware ./hardware
COPY provision ./provision
COPY kiosk-ui ./kiosk-ui
RUN npm run build && npm prune --omit=dev

FROM node:22-slim AS runtime
ENV NODE_ENV=production \
    DATA_DIR=/data \
    HOST=0.0.0.0 \
    PORT=8080
WORKDIR /app
RUN groupadd --system kiosk && useradd --system --gid kiosk --home-dir /app --shell /usr/sbin/nologin kiosk \
 && mkdir -p /data && chown kiosk:kiosk /data
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/build ./build
COPY --from=build /app/kiosk-ui/dist ./kiosk-ui/dist
USER kiosk
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "build/edge-server/src/main.js"]
