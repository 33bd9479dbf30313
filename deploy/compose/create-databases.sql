-- one database per service and the gateway's (its staff accounts), as the local system and the Kubernetes
-- installation have (the first, complaint, is POSTGRES_DB)
CREATE DATABASE dutylog OWNER kefu;
CREATE DATABASE broadcast OWNER kefu;
CREATE DATABASE membership OWNER kefu;
CREATE DATABASE audit OWNER kefu;
CREATE DATABASE gateway OWNER kefu;
