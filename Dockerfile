# Switchboard: one image for the API, the worker and migrations
# (docker-compose.yml runs each as its own service).

# The web console: static files, built with the development dependencies.
FROM node:20-slim AS console
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY console ./console
RUN npm run console:build

FROM node:20-slim

WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000

# tsx runs the TypeScript sources directly; it is a runtime dependency.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

COPY tsconfig.json ./
COPY src ./src
COPY workflows ./workflows
COPY activities ./activities
COPY migrations ./migrations
COPY --from=console /app/console/dist ./console/dist

USER node
EXPOSE 3000
# Overridden per service: `npm run worker`, `npm run migrate`.
CMD ["npm", "run", "api"]
