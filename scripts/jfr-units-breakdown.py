#!/usr/bin/env python3
# Groups the main-thread JFR execution samples taken inside the persisted run's units of work (BacktestBenchmark
# (and the writer thread's samples, overlapped units) with -XX:StartFlightRecording=filename=F.jfr,settings=profile) by the first matching frame: where the JVM time goes.
# Usage: scripts/jfr-units-breakdown.py F.jfr   (docs/benchmarks.md)
import sys, re, collections, subprocess
out = subprocess.run(['jfr','print','--events','jdk.ExecutionSample','--stack-depth','80',sys.argv[1]],capture_output=True,text=True).stdout
events = out.split('jdk.ExecutionSample')
samples=[]
for e in events:
    m=re.search(r'startTime = (\S+)',e)
    t=re.search(r'sampledThread = "([^"]*)"',e)
    if not m or not t: continue
    frames=re.findall(r'^\s+([\w$.<>]+)\(',e,re.M)
    samples.append((m.group(1),t.group(1),frames))
samples.sort()
start=None
for s in samples:
    if any('adapter.postgres.Pg' in f for f in s[2]): start=s[0]; break
persisted=[s for s in samples if start and s[0]>=start and s[1]=='main']
inunits=[s for s in persisted if any('TimedUnits.run' in f for f in s[2])]
print('main-thread samples in persisted run:',len(persisted),' inside units:',len(inunits))
def cat(fr):
    for f in fr:  # top frame first
        pass
    joined=' '.join(fr)
    top=fr[0] if fr else ''
    if any(x in top for x in ('org.postgresql','java.net','sun.nio','java.io.') ): return 'JDBC driver / socket (waiting for or talking to PostgreSQL)'
    for f in fr:
        if any(w in f for w in ('PostgresAdapter$1','Db.lambda$unitOfWork','Db.unitOfWork','Db.mapped','TransactionalCallable','DefaultDSLContext.transactionResult','DefaultDSLContext.lambda$transactionResult','Tools$3','ForkJoinPool','Db$$Lambda','DefaultDSLContext$$Lambda')): continue
        if 'adapter.postgres' in f or f.startswith('org.jooq') or f.startswith('org.postgresql') or f.startswith('com.zaxxer'):
            return 'persistence code (adapter-postgres, jOOQ, driver)'
        if 'domain.hash' in f: return 'canonical hashing'
        if 'org.tribuo' in f or 'adapter.ml' in f and 'Feature' not in f: 
            if 'Feature' in joined and 'ta4j' in joined: return 'features (ta4j)'
            return 'ML inference'
        if 'ta4j' in f or 'Feature' in f: return 'features (ta4j)'
    return 'other engine (cycle, domain, simulated venue)'
c=collections.Counter(cat(s[2]) for s in inunits)
for k,v in c.most_common(): print(f'{100*v/len(inunits):5.1f}%  {k}')
# overlapped units (issue 14): the writer thread COPYs and commits unit N beside the main thread's unit N+1
writer=[s for s in samples if start and s[0]>=start and s[1]=='unit-writer']
if writer:
    print('--- writer thread (unit-writer) samples:',len(writer),f'({100*len(writer)/max(1,len(inunits)):.0f}% of the main thread\'s in-unit samples)')
    w=collections.Counter()
    for s in writer:
        fr=s[2]; top=fr[0] if fr else ''
        if any(x in top for x in ('org.postgresql','java.net','sun.nio','java.io.')): k='JDBC driver / socket'
        elif any('RecordCopy' in f for f in fr): k='COPY text encoding (RecordCopy)'
        else: k='other persistence code'
        w[k]+=1
    for k,v in w.most_common(): print(f'{100*v/len(writer):5.1f}%  {k}')
top=collections.Counter()
for s in inunits:
    for f in s[2]:
        if f.startswith('io.tradingcore'):
            top[f]+=1; break
print('--- first io.tradingcore frame')
for k,v in top.most_common(15): print(f'{100*v/len(inunits):5.1f}%  {k}')
