-- One row per area, locked (update ... set area = area) by each allocation in that area for the rest of its
-- transaction: allocations in one area take turns across every node, so two at the same instant cannot both pick
-- the advisor who was least loaded before either of them.
create table rrp_area_lock (
  area varchar(255) primary key
);
