#!/usr/bin/env bash
# Interleaved A/B of read pages (issue 12): bench/ab.sh ROUNDS name=clone_dir[:ENV=VAL,...] ...
# Each clone_dir is a checkout with src/MayorsNetwork.Web built in Release and seeded by
# `bench/run.sh --seed-only --sizes 1400 --providers Sqlite`; for example
#   bench/ab.sh 5 before=../old-clone now=.   or   bench/ab.sh 3 log=.:Logging__MinimumLevel=Warning quiet=.
# Each variant: its own portal (Release, Production, SQLite) on a copy of clone/bench/out/sqlite-1400/portal.db,
# request log to a file. For each round, each page, variants in rotating order: 2 s warm-up, wrk -t2 -c64 -d5s.
set -uo pipefail
rounds=$1; shift
out=${AB_OUT:-bench/out/ab-$(date +%H%M)}; mkdir -p $out; out=$(cd $out && pwd)
names=(); ports=(); pids=()
port=6100
for spec in "$@"; do
  name=${spec%%=*}; rest=${spec#*=}; dir=${rest%%:*}; envs=""; [[ "$rest" == *:* ]] && envs=${rest#*:}
  d=$out/$name; mkdir -p $d/keys $d/mail
  sqlite3 $dir/bench/out/sqlite-1400/portal.db "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null; cp $dir/bench/out/sqlite-1400/portal.db $d/portal.db
  port=$((port+1))
  envargs=(ASPNETCORE_ENVIRONMENT=Production Database__Provider=Sqlite "Database__ConnectionString=Data Source=$d/portal.db"
    DataProtection__KeysFolder=$d/keys Email__PickupFolder=$d/mail Membership__PublicUrl=http://127.0.0.1
    ForwardedHeaders__KnownProxies__0=127.0.0.1 Outbox__WorkerEnabled=false)
  IFS=',' read -ra extra <<<"$envs"; for e in "${extra[@]}"; do [ -n "$e" ] && envargs+=("$e"); done
  (cd $dir/src/MayorsNetwork.Web && exec nice -n -20 env "${envargs[@]}" dotnet bin/Release/net10.0/MayorsNetwork.Web.dll --urls http://127.0.0.1:$port > $d/portal.log 2>&1) &
  pids+=($!); names+=($name); ports+=($port)
done
trap 'kill ${pids[*]} 2>/dev/null' EXIT
for pt in "${ports[@]}"; do for t in $(seq 1 120); do [ "$(curl -s -o /dev/null -w '%{http_code}' -H 'X-Forwarded-Proto: https' http://127.0.0.1:$pt/)" = 200 ] && break; sleep 1; done; done
slug=$(sqlite3 $out/${names[0]}/portal.db "select b.Slug from Bodies b order by (select count(*) from Seats s where s.BodyId=b.Id and s.EndedAtUtc is null) desc, b.Id limit 1")
vote=$(sqlite3 $out/${names[0]}/portal.db "select Id from Votes where ClosedAtUtc is not null order by Id limit 1")
pages=("/" "/dues?population=250000" "/committees/$slug" "/members" "/members?p=24" "/votes/$vote/results")
echo "pages: ${pages[*]}" | tee $out/summary.txt
for i in "${!names[@]}"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H 'X-Forwarded-Proto: https' http://127.0.0.1:${ports[$i]}${pages[5]}); echo "${names[$i]} results page: $code" | tee -a $out/summary.txt
done
n=${#names[@]}
for r in $(seq 1 $rounds); do
  for p in "${pages[@]}"; do
    for k in $(seq 0 $((n-1))); do
      i=$(( (k + r) % n ))
      url=http://127.0.0.1:${ports[$i]}$p
      nice -n -20 wrk -t2 -c64 -d2s -H 'X-Forwarded-Proto: https' $url >/dev/null 2>&1
      rps=$(nice -n -20 wrk -t2 -c64 -d5s -H 'X-Forwarded-Proto: https' $url 2>/dev/null | awk '/Requests\/sec/ {print $2}')
      echo "$r ${names[$i]} $p $rps" | tee -a $out/raw.txt
    done
  done
done
echo "median req/s over $rounds rounds" | tee -a $out/summary.txt
for p in "${pages[@]}"; do
  line="$p"
  for nm in "${names[@]}"; do
    med=$(awk -v n=$nm -v p="$p" '$2==n && $3==p {print $4}' $out/raw.txt | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
    line="$line  $nm=$med"
  done
  echo "$line" | tee -a $out/summary.txt
done
