#!/bin/sh
echo "The native Prisma schema engine is not used here; use npm run db:migrate | db:new-migration -- <name> | db:check" >&2
exit 1
